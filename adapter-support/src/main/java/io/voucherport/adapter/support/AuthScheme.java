package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.util.Locale;

/**
 * How an access token travels on a request: as {@code Authorization: Bearer <token>}
 * ({@link #bearer()}) or as the bare value of a provider's own header ({@link #header}). The
 * header's name must be one the {@link Masker} masks in every log.
 */
public sealed interface AuthScheme permits AuthScheme.Header {

    /** {@return the header's name} */
    String headerName();

    /**
     * {@return the header's value for {@code token}}
     *
     * @param token the token (a secret)
     */
    String headerValue(Secret token);

    /**
     * {@code Authorization: Bearer <token>}.
     *
     * @return the scheme sending the token in the {@code Authorization} header after
     *     {@code Bearer }
     */
    static AuthScheme bearer() {
        return new Header("Authorization", "Bearer ");
    }

    /**
     * {@code <name>: <token>}, e.g. Shoplazza's {@code Access-Token}; {@code name} must be masked.
     *
     * @param name the header's name, not blank; one of {@link Masker#COMMON_HEADERS}, else refused
     *     with {@link IllegalArgumentException}
     * @return the scheme sending the bare token in header {@code name}
     */
    static AuthScheme header(String name) {
        return new Header(name, "");
    }

    /**
     * A token in header {@code name}, after {@code prefix}.
     *
     * @param headerName the header; one of {@link Masker#COMMON_HEADERS}
     * @param prefix text before the token, e.g. {@code "Bearer "}
     */
    record Header(String headerName, String prefix) implements AuthScheme {
        /**
         * Validates that the header is one every log masks.
         *
         * @param headerName the header; one of {@link Masker#COMMON_HEADERS}
         * @param prefix text before the token, e.g. {@code "Bearer "}
         */
        public Header {
            Require.text(headerName, "header name");
            Require.present(prefix, "prefix");
            if (!Masker.COMMON_HEADERS.contains(headerName.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + headerName + " is not masked in logs; masked are "
                        + Masker.COMMON_HEADERS);
            }
        }

        @Override
        public String headerValue(Secret token) {
            return prefix + token.reveal();
        }
    }
}
