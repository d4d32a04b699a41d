package io.voucherport.spring.boot.autoconfigure;

import java.util.List;
import java.util.Locale;

/**
 * Which configuration keys hold Voucherport's secrets, in any of the forms a key takes: a property
 * ({@code voucherport.ez.api-key}), a bound property's name ({@code voucherport.ez.apiKey}) or an
 * environment variable ({@code VOUCHERPORT_EZ_APIKEY}).
 */
final class VoucherportSanitizing {

    /** The last words of every secret setting, compared without case, dots, dashes or underscores. */
    static final List<String> SECRET_ENDINGS = List.of(
            "apikey", "bearertoken", "clientid", "clientsecret", "accesstoken", "refreshtoken", "password");

    private VoucherportSanitizing() {
    }

    /** Whether {@code key} is one of Voucherport's secret settings. */
    static boolean isSecretKey(String key) {
        if (key == null) {
            return false;
        }
        String plain = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return plain.startsWith("voucherport") && SECRET_ENDINGS.stream().anyMatch(plain::endsWith);
    }
}
