package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed TLS material made at run time with the JDK's {@code keytool} (as
 * {@code SharedHttpClientTlsTest} does): a server certificate for {@code localhost} and
 * {@code 127.0.0.1}, a client certificate for mutual TLS, the stores that trust each, and local TLS
 * servers (a {@link RawServer} over a TLS server socket) that may require a client certificate.
 */
final class LocalTls {

    static final String PASSWORD = "changeit";

    final KeyStore serverKeys;
    final KeyStore clientKeys;
    /** Trusts the server certificate: the client's trust material. */
    final KeyStore serverTrust;
    /** Trusts the client certificate: the server's trust material for mutual TLS. */
    final KeyStore clientTrust;

    LocalTls(Path dir) throws Exception {
        serverKeys = generate(dir.resolve("server.p12"), "server", "CN=localhost", "san=ip:127.0.0.1,dns:localhost");
        clientKeys = generate(dir.resolve("client.p12"), "client", "CN=voucherport-client", null);
        serverTrust = trusting("server", serverKeys);
        clientTrust = trusting("client", clientKeys);
    }

    /** A TLS server on a free local port answering with {@code handler}; with {@code clientAuth}, it requires a client certificate. */
    RawServer server(boolean clientAuth, RawServer.Handler handler) throws IOException, GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(serverKeys, PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(clientTrust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(clientAuth);
        return new RawServer(socket, handler);
    }

    private static KeyStore generate(Path file, String alias, String name, String san) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder command = san == null
                ? new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", name, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
                        "-storepass", PASSWORD, "-keypass", PASSWORD)
                : new ProcessBuilder(keytool, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                        "-dname", name, "-ext", san, "-validity", "2", "-storetype", "PKCS12", "-keystore",
                        file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        Process process = command.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    private static KeyStore trusting(String alias, KeyStore keys) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(alias, keys.getCertificate(alias));
        return trusted;
    }
}
