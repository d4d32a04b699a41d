package io.voucherport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made at run time by the JDK's {@code keytool}
 * into a PKCS12 keystore in a temporary directory, and the TLS contexts around it: the server's,
 * which counts full handshakes (a full handshake picks the server's certificate; a resumed one
 * sends none), and clients' that trust it.
 */
final class SelfSignedTls {

    private static final char[] PASSWORD = "bench-keystore".toCharArray();

    private final KeyStore keys;
    private final Set<Object> fullHandshakes = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private final SSLContext server;

    private SelfSignedTls(KeyStore keys) throws GeneralSecurityException {
        this.keys = keys;
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        this.server = SSLContext.getInstance("TLS");
        server.init(new KeyManager[] {new Counting((X509ExtendedKeyManager) kmf.getKeyManagers()[0])}, null, null);
    }

    /** A new key pair and certificate (EC P-256, valid 2 days, SAN {@code 127.0.0.1} and {@code localhost}). */
    static SelfSignedTls generate() {
        try {
            Path dir = Files.createTempDirectory("voucherport-tls");
            Path store = dir.resolve("stub.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "stub", "-keyalg", "EC", "-groupname",
                    "secp256r1", "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD),
                    "-keypass", new String(PASSWORD)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            Files.delete(store);
            Files.delete(dir);
            return new SelfSignedTls(keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a self-signed certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server's context (counting full handshakes). */
    SSLContext server() {
        return server;
    }

    /** A new client context trusting the certificate: its own TLS session cache. */
    SSLContext newClient() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("stub", keys.getCertificate("stub"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, tmf.getTrustManagers(), null);
            return client;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Full handshakes the server made so far. */
    int fullHandshakes() {
        return fullHandshakes.size();
    }

    /** Starts counting again. */
    void resetCounts() {
        fullHandshakes.clear();
    }

    /** The server's key manager, remembering each connection that picked a certificate. */
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
