package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Which configuration keys hold Voucherport's secrets, in any of the forms a key takes: a property
 * ({@code voucherport.ez.api-key}), a bound property's name ({@code voucherport.ez.apiKey}) or an
 * environment variable ({@code VOUCHERPORT_EZ_APIKEY}); and which values hold one under any other
 * key (the variable a {@code ${EZ_API_KEY}} placeholder reads, {@code SPRING_APPLICATION_JSON}, the
 * JVM's command line in {@code sun.java.command}).
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

    /**
     * Secrets at least this long are searched for inside longer values; a shorter one hides only a
     * value that is exactly it (searching for a few characters would hide unrelated values).
     */
    static final int SEARCHED_LENGTH = 8;

    /**
     * Whether {@code value}, as text, is one of {@code secrets} or holds one of at least
     * {@link #SEARCHED_LENGTH} characters.
     */
    static boolean holdsSecret(Object value, List<String> secrets) {
        if (value == null || secrets.isEmpty()) {
            return false;
        }
        String text = value.toString();
        return secrets.stream().anyMatch(secret -> text.equals(secret)
                || secret.length() >= SEARCHED_LENGTH && text.contains(secret));
    }

    /** The configured values of every secret setting of {@code properties} (absent ones and properties skipped). */
    static List<String> secretValues(EzProperties ez, GiftHubProperties gifthub, ElasticPathProperties elasticPath,
            ShoplazzaProperties shoplazza, HttpProperties http) {
        Stream.Builder<Secret> all = Stream.builder();
        if (ez != null) {
            all.add(ez.getApiKey()).add(ez.getBearerToken());
        }
        if (gifthub != null) {
            all.add(gifthub.getClientId()).add(gifthub.getClientSecret());
        }
        if (elasticPath != null) {
            all.add(elasticPath.getClientId()).add(elasticPath.getClientSecret());
        }
        if (shoplazza != null) {
            ShoplazzaProperties.OAuth oauth = shoplazza.getOauth();
            all.add(shoplazza.getAccessToken()).add(oauth.getClientId()).add(oauth.getClientSecret())
                    .add(oauth.getRefreshToken());
        }
        if (http != null) {
            all.add(http.getProxy().getPassword());
        }
        return all.build().filter(Objects::nonNull).map(Secret::reveal).filter(text -> !text.isEmpty()).distinct().toList();
    }
}
