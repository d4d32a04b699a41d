package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds a configured text to a {@link Secret}, so that keys, tokens and client credentials are never
 * held as plain strings by the properties classes (their {@code toString} stays masked). Registered
 * for configuration property binding only. A blank text binds to nothing (the setting stays unset).
 */
public final class SecretConverter implements Converter<String, Secret> {

    /** The converter; stateless. */
    public SecretConverter() {
    }

    /**
     * Wraps the text.
     *
     * @param source the configured text
     * @return the secret, or null for a blank text
     */
    @Override
    public Secret convert(String source) {
        return source.isBlank() ? null : Secret.of(source);
    }

    @Override
    public String toString() {
        return "SecretConverter";
    }
}
