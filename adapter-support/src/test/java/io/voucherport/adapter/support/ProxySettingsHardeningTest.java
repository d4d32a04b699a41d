package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Proxy settings a team gets wrong in the usual ways: credentials written into the proxy host
 * ({@code user:password@proxy}, as in a proxy URL) never appear in the refusal, and
 * {@code http.nonProxyHosts} patterns route exactly as the JDK's own proxy selector routes them.
 */
class ProxySettingsHardeningTest {

    private static final String PASSWORD = "Pr0xy-S3cr3t-pw";
    private static final List<String> PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "http.nonProxyHosts");

    private final Map<String, String> saved = new LinkedHashMap<>();

    @BeforeEach
    void save() {
        PROPERTIES.forEach(name -> saved.put(name, System.getProperty(name)));
    }

    @AfterEach
    void restore() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void credentialsWrittenIntoTheProxyHostNeverAppearInTheRefusal() {
        for (String host : List.of("svc:" + PASSWORD + "@proxy.corp", "http://svc:" + PASSWORD + "@proxy.corp:3128")) {
            assertThatThrownBy(() -> HttpProxy.of(host, 3128))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(messages(e)).doesNotContain(PASSWORD));

            System.setProperty("https.proxyHost", host);
            System.setProperty("https.proxyPort", "3128");
            assertThatThrownBy(() -> SharedHttpClient.builder().proxyFromSystemProperties().build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("https.proxyHost")
                    .satisfies(e -> assertThat(messages(e)).doesNotContain(PASSWORD));
        }
    }

    @Test
    void nonProxyHostsPatternsRouteExactlyAsTheJdksProxySelectorDoes() throws Exception {
        String[][] cases = {
            {"*corp*", "api.corp.example"},
            {"*.corp.*", "api.corp.example"},
            {"*.corp.*", "api.example"},
            {"*internal*", "internal"},
            {"*.example.com", "api.example.com"},
            {"*.example.com", "example.com"},
            {"192.168.*", "192.168.1.1"},
            {"localhost", "LOCALHOST"},
            {"api.X", "api.x"},
            {"*", "anything"},
            {"a.b|*gift*|c.d", "my-gifthub.example"},
        };
        for (String[] c : cases) {
            String pattern = c[0];
            String host = c[1];
            System.setProperty("http.proxyHost", "proxy.corp");
            System.setProperty("http.proxyPort", "3128");
            System.setProperty("http.nonProxyHosts", pattern);
            Proxy jdk = ProxySelector.getDefault().select(new URI("http://" + host + "/x")).get(0);
            Properties properties = new Properties();
            properties.setProperty("http.proxyHost", "proxy.corp");
            properties.setProperty("http.proxyPort", "3128");
            properties.setProperty("http.nonProxyHosts", pattern);
            boolean bypassed = ProxyRoutes.fromProperties(properties).proxyFor("http", host) == null;

            assertThat(bypassed).as("nonProxyHosts '%s' for host %s (the JDK: %s)", pattern, host, jdk)
                    .isEqualTo(jdk.type() == Proxy.Type.DIRECT);
        }
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }
}
