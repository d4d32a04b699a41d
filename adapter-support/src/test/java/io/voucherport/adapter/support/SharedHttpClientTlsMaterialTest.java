package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import io.voucherport.domain.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS material on the shared client against local TLS servers with self-signed certificates:
 * client certificates (mutual TLS) accepted with key material and refused without, the TLS
 * versions and cipher suites offered, an extra host name check; and every TLS or socket setting
 * that would weaken the client refused when it is built.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedHttpClientTlsMaterialTest {

    private static final String TLS12_SUITE = "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";

    @TempDir
    static Path dir;

    /** Made once for the class: keytool takes a while. */
    private static LocalTls tls;
    private final List<String> sessions = Collections.synchronizedList(new ArrayList<>());
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() throws Exception {
        tls = new LocalTls(dir);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aServerThatRequiresAClientCertificateAcceptsOurKeyMaterial() throws Exception {
        RawServer server = server(true);
        try (SharedHttpClient client = SharedHttpClient.builder().keyMaterial(tls.clientKeys, Secret.of(LocalTls.PASSWORD))
                .trustMaterial(tls.serverTrust).build()) {
            assertThat(call(client, server)).isEqualTo(200);
        }
        assertThat(sessions).hasSize(1).allSatisfy(s -> assertThat(s).contains("peer CN=voucherport-client"));
    }

    @Test
    void withoutKeyMaterialTheServerRequiringAClientCertificateRefusesUs() throws Exception {
        RawServer server = server(true);
        try (SharedHttpClient client = SharedHttpClient.builder().trustMaterial(tls.serverTrust).build()) {
            assertThatThrownBy(() -> call(client, server)).isInstanceOf(IOException.class);
        }
        assertThat(server.requests).isEmpty();
    }

    @Test
    void trustMaterialAloneTrustsTheServerAndTheJdkDefaultDoesNot() throws Exception {
        RawServer server = server(false);
        try (SharedHttpClient trusting = SharedHttpClient.builder().trustMaterial(tls.serverTrust).build();
                SharedHttpClient byDefault = SharedHttpClient.builder().tlsVersions("TLSv1.3").build()) {
            assertThat(call(trusting, server)).isEqualTo(200);
            assertThatThrownBy(() -> call(byDefault, server)).isInstanceOf(IOException.class);
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void theTlsVersionAndCipherSuiteOfferedAreTheOnesConfigured() throws Exception {
        RawServer server = server(false);
        try (SharedHttpClient tls12 = SharedHttpClient.builder().trustMaterial(tls.serverTrust).tlsVersions("TLSv1.2")
                .cipherSuites(TLS12_SUITE).build();
                SharedHttpClient tls13 = SharedHttpClient.builder().trustMaterial(tls.serverTrust).tlsVersions("TLSv1.3")
                        .build()) {
            assertThat(call(tls12, server)).isEqualTo(200);
            assertThat(call(tls13, server)).isEqualTo(200);
        }
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0)).startsWith("TLSv1.2 " + TLS12_SUITE);
        assertThat(sessions.get(1)).startsWith("TLSv1.3 ");
    }

    @Test
    void anExtraHostnameCheckRunsBesidesTheJdksOwn() throws Exception {
        RawServer server = server(false);
        try (SharedHttpClient refusing = SharedHttpClient.builder().trustMaterial(tls.serverTrust)
                .hostnameVerifier((host, session) -> false).build();
                SharedHttpClient standard = SharedHttpClient.builder().trustMaterial(tls.serverTrust)
                        .hostnameVerifier(new DefaultHostnameVerifier()).build()) {
            assertThatThrownBy(() -> call(refusing, server)).isInstanceOf(IOException.class);
            assertThat(call(standard, server)).isEqualTo(200);
        }
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aHostnameVerifierThatAcceptsEverythingIsRefused() {
        assertThatThrownBy(() -> SharedHttpClient.builder().hostnameVerifier(NoopHostnameVerifier.INSTANCE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostname verifier");
        assertThatThrownBy(() -> SharedHttpClient.builder().hostnameVerifier((host, session) -> true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hostname verifier");
        assertThatThrownBy(() -> SharedHttpClient.builder().hostnameVerifier((host, session) -> host.endsWith(".invalid")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> SharedHttpClient.builder().hostnameVerifier((host, session) -> peer(session) != null))
                .doesNotThrowAnyException();
    }

    @Test
    void oldTlsVersionsAreRefused() {
        for (String version : List.of("TLSv1.1", "TLSv1", "SSLv3", "SSLv2Hello", "TLSv1.4")) {
            assertThatThrownBy(() -> SharedHttpClient.builder().tlsVersions(version))
                    .as(version).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(version);
        }
        assertThatThrownBy(() -> SharedHttpClient.builder().tlsVersions("TLSv1.3", "TLSv1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().tlsVersions()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brokenOrUnsupportedCipherSuitesAreRefused() {
        for (String suite : List.of("TLS_RSA_WITH_NULL_SHA256", "TLS_DH_anon_WITH_AES_128_GCM_SHA256",
                "SSL_RSA_EXPORT_WITH_RC4_40_MD5", "TLS_ECDHE_RSA_WITH_RC4_128_SHA", "SSL_RSA_WITH_DES_CBC_SHA",
                "SSL_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_EMPTY_RENEGOTIATION_INFO_SCSV")) {
            assertThatThrownBy(() -> SharedHttpClient.builder().cipherSuites(suite))
                    .as(suite).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(suite);
        }
        assertThatThrownBy(() -> SharedHttpClient.builder().cipherSuites()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().cipherSuites("TLS_MADE_UP_WITH_AES_128_GCM_SHA256").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
    }

    @Test
    void unusableTlsMaterialIsRefused() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        assertThatThrownBy(() -> SharedHttpClient.builder().trustMaterial(empty))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no certificate");
        assertThatThrownBy(() -> SharedHttpClient.builder().keyMaterial(tls.serverTrust, Secret.of(LocalTls.PASSWORD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no private key");
        assertThatThrownBy(() -> SharedHttpClient.builder().keyMaterial(tls.clientKeys, Secret.of("wrong password"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("wrong password");
        assertThatThrownBy(() -> SharedHttpClient.builder().sslContext(SSLContext.getDefault())
                .trustMaterial(tls.serverTrust).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> SharedHttpClient.builder().sslContext(SSLContext.getDefault())
                .keyMaterial(tls.clientKeys, Secret.of(LocalTls.PASSWORD)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
    }

    @Test
    void poolsAreAlwaysBoundedAndTimeoutsStayWithinTheDeadlineModel() {
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bounded");
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(SharedHttpClient.MAX_CONNECTIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.withMaxConnections(SharedHttpClient.MAX_CONNECTIONS + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnectionsPerRoute(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().connectTimeout(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().connectTimeout(java.time.Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().connectTimeout(java.time.Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10 minutes");
        assertThatThrownBy(() -> SharedHttpClient.builder().socketBuffers(0, 65536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().socketBuffers(65536, 64 * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class);
        try (SharedHttpClient client = SharedHttpClient.builder().maxConnections(SharedHttpClient.MAX_CONNECTIONS)
                .connectTimeout(java.time.Duration.ofSeconds(2)).tcpNoDelay(false).soKeepAlive(true)
                .socketBuffers(32 * 1024, 256 * 1024).build()) {
            assertThat(client.maxConnections()).isEqualTo(SharedHttpClient.MAX_CONNECTIONS);
        }
    }

    private RawServer server(boolean clientAuth) throws Exception {
        return closing(tls.server(clientAuth, (head, socket, out) -> {
            SSLSession session = ((SSLSocket) socket).getSession();
            sessions.add(session.getProtocol() + " " + session.getCipherSuite() + " peer " + peer(session));
            RawServer.json(out, 200, "{\"value\":\"ok\"}");
        }));
    }

    private static String peer(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return ((java.security.cert.X509Certificate) chain[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    private static int call(SharedHttpClient client, RawServer server) throws IOException {
        Request request = Request.create(Request.HttpMethod.GET, "https://127.0.0.1:" + server.port() + "/thing",
                Map.<String, Collection<String>>of("Accept", List.of("application/json")), null, StandardCharsets.UTF_8,
                null);
        try (Response response = client.feignClient().execute(request, new Request.Options())) {
            response.body().asInputStream().readAllBytes();
            return response.status();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closing.add(closeable);
        return closeable;
    }
}
