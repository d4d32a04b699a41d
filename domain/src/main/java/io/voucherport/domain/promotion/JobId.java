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
     * @return the job id
     */
    public static JobId of(String value) {
        return new JobId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
