package io.voucherport.domain.promotion;

import io.voucherport.domain.Require;

/**
 * A code-generation or export job's identifier at the provider.
 *
 * @param value opaque non-blank text, never parsed
 */
public record JobId(String value) {

    /**
     * Validates the id.
     *
     * @param value opaque non-blank text, never parsed
     */
    public JobId {
        Require.identifier(value, "job id");
    }

    /**
     * Parses an id.
     *
     * @param value opaque non-blank text, never parsed
     * @return the id wrapping {@code value}; throws {@link IllegalArgumentException} when it is
     *     blank, holds control characters, or could break out of a URL path (a slash, a backslash,
     *     a percent sign, "." or "..")
     */
    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
