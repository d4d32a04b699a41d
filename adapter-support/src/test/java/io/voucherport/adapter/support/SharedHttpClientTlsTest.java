package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared client over TLS with the TLS material it is given: a self-signed certificate made at
 * run time with the JDK's {@code keytool}, a local TLS server that counts connections and full
 * handshakes (a server that picks its certificate: a resumed session sends none).
 */
class SharedHttpClientTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final byte[] BODY = "{\"value\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private SSLContext serverContext;
    private SSLContext clientContext;
    private final Set<Object> fullHandshakes = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private SSLServerSocket server;
    private volatile boolean closeEachAnswer;

    @BeforeEach
    void start() throws Exception {
        Path keystore = dir.resolve("stub.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", new String(PASSWORD), "-keypass",
                new String(PASSWORD)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(new KeyManager[] {new Counting((X509ExtendedKeyManager) kmf.getKeyManagers()[0])}, null, null);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("stub", keys.getCertificate("stub"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    @Test
    void aKeptConnectionServesEveryCallAfterOneHandshake() throws IOException {
        try (SharedHttpClient client = SharedHttpClient.builder().sslContext(clientContext).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(call(client)).isEqualTo(BODY);
            }
        }
        assertThat(connections).hasValue(1);
        assertThat(fullHandshakes).hasSize(1);
    }

    @Test
    void newConnectionsResumeTheTlsSessionInsteadOfAFullHandshake() throws IOException {
        closeEachAnswer = true;
        try (SharedHttpClient client = SharedHttpClient.builder().sslContext(clientContext).maxConnections(4).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(call(client)).isEqualTo(BODY);
            }
        }
        assertThat(connections).hasValue(5);
        assertThat(fullHandshakes).hasSize(1);
    }

    @Test
    void withoutTheGivenTlsMaterialThePrivateCertificateIsRefused() {
        try (SharedHttpClient client = SharedHttpClient.create()) {
            assertThatThrownBy(() -> call(client)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void theBuilderChecksItsSettings() {
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedHttpClient.builder().maxConnections(4).maxConnectionsPerRoute(5).build())
                .isInstanceOf(IllegalArgumentException.class);
        try (SharedHttpClient client = SharedHttpClient.builder().maxConnections(5).build()) {
            assertThat(client.maxConnections()).isEqualTo(5);
            assertThat(client.maxConnectionsPerRoute()).isEqualTo(3);
        }
    }

    private byte[] call(SharedHttpClient client) throws IOException {
        Request request = Request.create(Request.HttpMethod.GET, "https://127.0.0.1:" + server.getLocalPort() + "/thing",
                Map.<String, Collection<String>>of("Accept", List.of("application/json")), null, StandardCharsets.UTF_8, null);
        try (Response response = client.feignClient().execute(request, new Request.Options())) {
            assertThat(response.status()).isEqualTo(200);
            return response.body().asInputStream().readAllBytes();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readHead(in)) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length
                        + (closeEachAnswer ? "\r\nConnection: close" : "") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(BODY);
                out.flush();
                if (closeEachAnswer) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads one request head (these requests have no body); false at the end of the connection. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    /** The server's key manager, remembering each connection that picked a certificate: a full handshake. */
    private final class Counting extends X509ExtendedKeyManager {
        private final X509ExtendedKeyManager keys;

        Counting(X509ExtendedKeyManager keys) {
            this.keys = keys;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            String alias = keys.chooseServerAlias(keyType, issuers, socket);
            if (alias != null) {
                fullHandshakes.add(socket);
            }
            return alias;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            String alias = keys.chooseEngineServerAlias(keyType, issuers, engine);
            if (alias != null) {
                fullHandshakes.add(engine);
            }
            return alias;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return keys.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return keys.chooseClientAlias(keyType, issuers, socket);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return keys.getServerAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return keys.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return keys.getPrivateKey(alias);
        }
    }
}
