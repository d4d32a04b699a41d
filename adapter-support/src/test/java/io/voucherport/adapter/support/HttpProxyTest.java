package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy set on the shared client is used — a real forward proxy on a local port
 * ({@link ForwardProxy}), not a mock: an {@code http} provider through absolute-URI requests, an
 * {@code https} provider (a local TLS server with a self-signed certificate) through a
 * {@code CONNECT} tunnel; the proxy's credentials go to the proxy alone. The JVM's proxy
 * properties are used when asked, and ignored otherwise.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HttpProxyTest {

    /** The answer shape of the test API. */
    record Thing(String value) {
    }

    @Headers("Accept: application/json")
    interface ThingApi {
        @RequestLine("GET /things/{id}?q=1")
        Thing thing(@Param("id") String id);

        @RequestLine("POST /things")
        @Headers("Content-Type: application/json")
        Thing make(Thing thing);
    }

    private static final String USER = "svc";
    private static final String PASSWORD = "proxy-pass-S3CR3T";
    private static final String CREDENTIALS = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final List<String> PROPERTIES = List.of("http.proxyHost", "http.proxyPort", "https.proxyHost",
            "https.proxyPort", "http.nonProxyHosts");

    @TempDir
    static Path dir;

    private final List<AutoCloseable> closing = new ArrayList<>();
    private final Map<String, String> saved = new LinkedHashMap<>();
    private RawServer plain;
    private RawServer tls;
    /** Made once for the class: keytool takes a while. */
    private static LocalTls material;

    @BeforeAll
    static void makeCertificates() throws Exception {
        material = new LocalTls(dir);
    }

    @BeforeEach
    void start() throws Exception {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
        }
        plain = closing(new RawServer((head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"plain\"}")));
        tls = closing(material.server(false, (head, socket, out) -> RawServer.json(out, 200, "{\"value\":\"tls\"}")));
    }

    @AfterEach
    void stop() throws Exception {
        restoreProperties();
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @Test
    void anHttpProviderIsCalledThroughTheProxyWithAbsoluteUrisAndTheProxyCredentialsStayWithTheProxy() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy(CREDENTIALS));
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, Secret.of(PASSWORD))).build());
        ProviderClient<ThingApi> client = client(shared, plainUrl());

        assertThat(client.read("thing", api -> api.thing("1"))).isEqualTo(Either.right(new Thing("plain")));
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("plain")));

        assertThat(proxy.requestLines).containsExactly("GET " + plainUrl() + "/things/1?q=1 HTTP/1.1",
                "POST " + plainUrl() + "/things HTTP/1.1");
        assertThat(proxy.authorizations).containsExactly(CREDENTIALS, CREDENTIALS);
        assertThat(proxy.connections).hasValue(1);
        assertThat(plain.requests).extracting(RawServer.Head::requestLine)
                .containsExactly("GET /things/1?q=1 HTTP/1.1", "POST /things HTTP/1.1");
        assertThat(plain.requests).allSatisfy(head -> {
            assertThat(head.header("Proxy-Authorization")).isNull();
            assertThat(head.header("Host")).isEqualTo("127.0.0.1:" + plain.port());
            assertThat(head.text()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void anHttpsProviderIsReachedThroughAConnectTunnelKeptForTheNextCalls() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy(CREDENTIALS));
        SharedHttpClient shared = closing(SharedHttpClient.builder().trustMaterial(material.serverTrust)
                .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, Secret.of(PASSWORD))).build());
        ProviderClient<ThingApi> client = client(shared, tlsUrl());

        assertThat(client.read("thing", api -> api.thing("1"))).isEqualTo(Either.right(new Thing("tls")));
        assertThat(client.write("make", api -> api.make(new Thing("x")))).isEqualTo(Either.right(new Thing("tls")));

        assertThat(proxy.requestLines).containsExactly("CONNECT 127.0.0.1:" + tls.port() + " HTTP/1.1");
        assertThat(proxy.authorizations).containsExactly(CREDENTIALS);
        assertThat(tls.connections).hasValue(1);
        assertThat(tls.requests).extracting(RawServer.Head::requestLine)
                .containsExactly("GET /things/1?q=1 HTTP/1.1", "POST /things HTTP/1.1");
        assertThat(tls.requests).allSatisfy(head -> {
            assertThat(head.header("Proxy-Authorization")).isNull();
            assertThat(head.text()).doesNotContain(PASSWORD);
        });
    }

    @Test
    void aProxyRefusingTheTunnelMeansNothingWasSentEvenForAWrite() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy(CREDENTIALS));
        SharedHttpClient shared = closing(SharedHttpClient.builder().trustMaterial(material.serverTrust)
                .proxy(HttpProxy.of("127.0.0.1", proxy.port()).withCredentials(USER, Secret.of("wrong"))).build());

        Either<ProviderFailure, Thing> made = client(shared, tlsUrl()).write("make", api -> api.make(new Thing("x")));

        assertThat(made.getLeft()).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(made.getLeft().toString()).doesNotContain("wrong", PASSWORD);
        assertThat(proxy.requestLines).containsExactly("CONNECT 127.0.0.1:" + tls.port() + " HTTP/1.1");
        assertThat(tls.connections).hasValue(0);
    }

    @Test
    void anHttpProxyRefusingTheCredentialsForwardsNothingAndIsNoDoubtEvenForAWrite() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy(CREDENTIALS));
        SharedHttpClient shared = closing(SharedHttpClient.builder()
                .proxy(HttpProxy.of("127.0.0.1", proxy.port())).build());

        assertThat(client(shared, plainUrl()).read("thing", api -> api.thing("1")).getLeft())
                .isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(client(shared, plainUrl()).write("make", api -> api.make(new Thing("x"))).getLeft())
                .isInstanceOf(ProviderFailure.Unavailable.class);

        assertThat(proxy.authorizations).containsExactly("", "");
        assertThat(plain.connections).hasValue(0);
    }

    @Test
    void theJvmProxyPropertiesAreUsedWhenAskedAndReadWhenTheClientIsBuilt() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy());
        setProxyProperties(proxy, "nothing.invalid");
        SharedHttpClient shared = closing(SharedHttpClient.builder().trustMaterial(material.serverTrust)
                .proxyFromSystemProperties().build());
        restoreProperties();

        assertThat(client(shared, plainUrl()).read("thing", api -> api.thing("1"))).isEqualTo(Either.right(new Thing("plain")));
        assertThat(client(shared, tlsUrl()).read("thing", api -> api.thing("2"))).isEqualTo(Either.right(new Thing("tls")));

        assertThat(proxy.requestLines).containsExactly("GET " + plainUrl() + "/things/1?q=1 HTTP/1.1",
                "CONNECT 127.0.0.1:" + tls.port() + " HTTP/1.1");
        assertThat(plain.requests).extracting(RawServer.Head::requestLine).containsExactly("GET /things/1?q=1 HTTP/1.1");
        assertThat(tls.requests).extracting(RawServer.Head::requestLine).containsExactly("GET /things/2?q=1 HTTP/1.1");
        assertThat(shared.toString()).contains("127.0.0.1:" + proxy.port());
    }

    @Test
    void withoutAskingTheJvmProxyPropertiesAreIgnored() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy());
        setProxyProperties(proxy, "nothing.invalid");
        SharedHttpClient shared = closing(SharedHttpClient.builder().trustMaterial(material.serverTrust).build());
        SharedHttpClient created = closing(SharedHttpClient.create());

        assertThat(client(shared, plainUrl()).read("thing", api -> api.thing("1"))).isEqualTo(Either.right(new Thing("plain")));
        assertThat(client(shared, tlsUrl()).read("thing", api -> api.thing("2"))).isEqualTo(Either.right(new Thing("tls")));
        assertThat(client(created, plainUrl()).read("thing", api -> api.thing("3"))).isEqualTo(Either.right(new Thing("plain")));

        assertThat(proxy.connections).hasValue(0);
        assertThat(plain.requests).hasSize(2);
        assertThat(tls.requests).hasSize(1);
    }

    @Test
    void theJvmNonProxyHostsAndTheirDefaultBypassTheProxy() throws Exception {
        ForwardProxy proxy = closing(new ForwardProxy());
        setProxyProperties(proxy, "localhost|127.0.*");
        SharedHttpClient listed = closing(SharedHttpClient.builder().proxyFromSystemProperties().build());
        System.clearProperty("http.nonProxyHosts");
        SharedHttpClient byDefault = closing(SharedHttpClient.builder().proxyFromSystemProperties().build());

        assertThat(client(listed, plainUrl()).read("thing", api -> api.thing("1"))).isEqualTo(Either.right(new Thing("plain")));
        assertThat(client(byDefault, plainUrl()).read("thing", api -> api.thing("2"))).isEqualTo(Either.right(new Thing("plain")));

        assertThat(proxy.connections).hasValue(0);
        assertThat(plain.requests).hasSize(2);
    }

    @Test
    void aJvmProxyPropertyThatIsNoHostOrPortIsRefusedWhenBuilding() {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", "not-a-port");
        assertThatThrownBy(() -> SharedHttpClient.builder().proxyFromSystemProperties().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.proxyPort");
        System.setProperty("http.proxyPort", "70000");
        assertThatThrownBy(() -> SharedHttpClient.builder().proxyFromSystemProperties().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        System.setProperty("http.proxyPort", "3128");
        System.setProperty("http.proxyHost", "http://proxy:3128/");
        assertThatThrownBy(() -> SharedHttpClient.builder().proxyFromSystemProperties().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.proxyHost");
    }

    @Test
    void aProxyAndTheSystemProxiesTogetherAreRefused() {
        assertThatThrownBy(() -> SharedHttpClient.builder().proxy(HttpProxy.of("proxy", 3128))
                .proxyFromSystemProperties().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void aProxyIsCheckedAndNeverShowsItsPassword() {
        assertThatThrownBy(() -> HttpProxy.of(" ", 3128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("http://proxy", 3128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy:3128", 3128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 3128).withCredentials("a:b", Secret.of(PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 3128).withCredentials("a\r\nb", Secret.of(PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HttpProxy.of("proxy", 3128).withCredentials("svc", null))
                .isInstanceOf(NullPointerException.class);

        HttpProxy proxy = HttpProxy.of("Proxy.Internal", 3128).withCredentials(USER, Secret.of(PASSWORD));
        assertThat(proxy.host()).isEqualTo("proxy.internal");
        assertThat(proxy.hasCredentials()).isTrue();
        assertThat(proxy).isEqualTo(HttpProxy.of("proxy.internal", 3128).withCredentials(USER, Secret.of(PASSWORD)))
                .isNotEqualTo(HttpProxy.of("proxy.internal", 3128).withCredentials(USER, Secret.of("other")));
        assertThat(proxy.toString()).isEqualTo("HttpProxy[proxy.internal:3128, user svc, password ****]");
        try (SharedHttpClient shared = SharedHttpClient.builder().proxy(proxy).build()) {
            assertThat(shared.toString()).contains("proxy.internal:3128").doesNotContain(PASSWORD);
        }
    }

    @Test
    void nonProxyHostPatternsMatchLikeTheJdks() {
        assertThat(ProxyRoutes.matches("*.example.com", "api.example.com")).isTrue();
        assertThat(ProxyRoutes.matches("*.example.com", "example.org")).isFalse();
        assertThat(ProxyRoutes.matches("127.*", "127.0.0.1")).isTrue();
        assertThat(ProxyRoutes.matches("127.*", "10.0.0.127")).isFalse();
        assertThat(ProxyRoutes.matches("localhost", "localhost")).isTrue();
        assertThat(ProxyRoutes.matches("localhost", "localhost.example")).isFalse();
        assertThat(ProxyRoutes.matches("*", "anything")).isTrue();
    }

    private ProviderClient<ThingApi> client(SharedHttpClient shared, String baseUrl) {
        AdapterBuilder.Settings settings = new LocalProvider.Builder().httpClient(shared).retryPolicy(RetryPolicy.none())
                .readTimeout(Duration.ofSeconds(5)).settings();
        return closing(ProviderClient.open(ThingApi.class, baseUrl, LocalProvider.spec(), settings));
    }

    private String plainUrl() {
        return "http://127.0.0.1:" + plain.port();
    }

    private String tlsUrl() {
        return "https://127.0.0.1:" + tls.port();
    }

    private void setProxyProperties(ForwardProxy proxy, String nonProxyHosts) {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", Integer.toString(proxy.port()));
        System.setProperty("http.nonProxyHosts", nonProxyHosts);
    }

    private void restoreProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
