package io.voucherport.adapter.support;

import io.voucherport.domain.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** Checks of the settings every adapter builder takes. */
public final class HttpSettings {

    private HttpSettings() {
    }

    /**
     * {@return an absolute http(s) URL without query or fragment, returned without a trailing slash}
     *
     * @param url the URL as configured, not blank; surrounding blanks are ignored
     */
    public static String baseUrl(String url) {
        Require.text(url, "base URL");
        try {
            URI uri = new URI(url.strip());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new IllegalArgumentException("base URL must be an absolute http or https URL without query");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("base URL is not a valid URL", e);
        }
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    /**
     * {@return a page size from {@code min} to {@code max}, or an exception naming the range}
     *
     * @param size the page size as configured
     * @param min the smallest size the provider takes, at least 1
     * @param max the largest size the provider takes
     */
    public static int pageSize(int size, int min, int max) {
        if (size < min || size > max) {
            throw new IllegalArgumentException("page size must be " + min + " to " + max + " but was " + size);
        }
        return size;
    }

    /**
     * {@return a positive timeout of at most ten minutes}
     *
     * @param timeout how long to wait at most
     * @param field the field's name, used in the failure message
     */
    public static Duration timeout(Duration timeout, String field) {
        Require.present(timeout, field);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException(field + " must be above 0 and at most 10 minutes but was " + timeout);
        }
        return timeout;
    }

    /**
     * {@return a duration that is not negative, or an exception naming the field}
     *
     * @param duration the duration as configured, not null
     * @param field the field's name, used in the failure message
     */
    public static Duration notNegative(Duration duration, String field) {
        Require.present(duration, field);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative but was " + duration);
        }
        return duration;
    }
}
