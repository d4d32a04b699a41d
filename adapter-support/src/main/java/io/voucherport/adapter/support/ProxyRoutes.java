package io.voucherport.adapter.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Which {@link HttpProxy} (if any) a provider's origin is reached through: one proxy for every
 * provider, or the JVM's proxy properties read once, when the client is built.
 *
 * <p>The properties are the JDK's own ({@code java.net} networking properties):
 * {@code http.proxyHost} / {@code http.proxyPort} (default 80) for {@code http} providers,
 * {@code https.proxyHost} / {@code https.proxyPort} (default 443) for {@code https} providers, and
 * {@code http.nonProxyHosts} for both: host patterns separated by {@code |}, each with a {@code *} at
 * its start, its end or both (as the JDK reads them), matched ignoring case; when it is not set, the JDK's default
 * ({@code localhost|127.*|[::1]|0.0.0.0|[::0]}) applies. Immutable.
 */
final class ProxyRoutes {

    /** The JDK's {@code http.nonProxyHosts} when the property is not set. */
    static final String DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    /** No proxy for anything. */
    static final ProxyRoutes DIRECT = new ProxyRoutes(null, null, List.of());

    private final HttpProxy http;
    private final HttpProxy https;
    private final List<String> bypass;

    private ProxyRoutes(HttpProxy http, HttpProxy https, List<String> bypass) {
        this.http = http;
        this.https = https;
        this.bypass = bypass;
    }

    /** {@code proxy} for every provider. */
    static ProxyRoutes always(HttpProxy proxy) {
        return new ProxyRoutes(proxy, proxy, List.of());
    }

    /** The proxies the JVM's proxy {@code properties} name, as read now. */
    static ProxyRoutes fromProperties(Properties properties) {
        HttpProxy http = proxy(properties, "http", 80);
        HttpProxy https = proxy(properties, "https", 443);
        String nonProxy = properties.getProperty("http.nonProxyHosts");
        return new ProxyRoutes(http, https, patterns(nonProxy == null ? DEFAULT_NON_PROXY_HOSTS : nonProxy));
    }

    /** Whether some provider may be reached through a proxy. */
    boolean any() {
        return http != null || https != null;
    }

    /** The proxy for {@code host} over {@code scheme} ({@code http} or {@code https}), or null to connect directly. */
    HttpProxy proxyFor(String scheme, String host) {
        HttpProxy proxy = "https".equalsIgnoreCase(scheme) ? https : http;
        if (proxy == null) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String pattern : bypass) {
            if (matches(pattern, name)) {
                return null;
            }
        }
        return proxy;
    }

    @Override
    public String toString() {
        return http == null && https == null ? "direct"
                : "http via " + (http == null ? "direct" : http) + ", https via " + (https == null ? "direct" : https)
                        + (bypass.isEmpty() ? "" : ", not for " + String.join("|", bypass));
    }

    private static HttpProxy proxy(Properties properties, String scheme, int defaultPort) {
        String host = properties.getProperty(scheme + ".proxyHost");
        if (host == null || host.isBlank()) {
            return null;
        }
        String port = properties.getProperty(scheme + ".proxyPort");
        int number = defaultPort;
        if (port != null && !port.isBlank()) {
            try {
                number = Integer.parseInt(port.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(scheme + ".proxyPort must be a port number but was '" + port + "'");
            }
        }
        try {
            return HttpProxy.of(host, number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(scheme + ".proxyHost / " + scheme + ".proxyPort: " + e.getMessage(), e);
        }
    }

    private static List<String> patterns(String nonProxyHosts) {
        List<String> patterns = new ArrayList<>();
        for (String pattern : nonProxyHosts.split("\\|")) {
            String p = pattern.strip().toLowerCase(Locale.ROOT);
            if (!p.isEmpty()) {
                patterns.add(p);
            }
        }
        return List.copyOf(patterns);
    }

    /**
     * A {@code http.nonProxyHosts} pattern as the JDK reads it: exact, {@code *suffix},
     * {@code prefix*}, {@code *infix*} or {@code *}.
     */
    static boolean matches(String pattern, String host) {
        if (pattern.equals("*")) {
            return true;
        }
        if (pattern.length() > 1 && pattern.startsWith("*") && pattern.endsWith("*")) {
            return host.contains(pattern.substring(1, pattern.length() - 1));
        }
        if (pattern.startsWith("*")) {
            return host.endsWith(pattern.substring(1));
        }
        if (pattern.endsWith("*")) {
            return host.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return host.equals(pattern);
    }
}
