package io.voucherport.adapter.support;

import io.voucherport.domain.Secret;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.Principal;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * The TLS set-up of a {@link SharedHttpClient}, checked when it is built: either a whole
 * {@link SSLContext}, or key material (client certificates, for mutual TLS) and trust material
 * (the certificates trusted), plus the protocol versions, cipher suites and an extra host name
 * check. Nothing here can turn verification off: the JDK's host name check (endpoint
 * identification) always runs, and a verifier that accepts a peer without a certificate is
 * refused. Not thread-safe; built once.
 */
final class TlsSetup {

    /** The TLS versions a client may be limited to: nothing older than TLS 1.2. */
    static final Set<String> VERSIONS = Set.of("TLSv1.2", "TLSv1.3");

    /** Parts of a cipher suite name that mark it as broken or unauthenticated. */
    private static final List<String> WEAK = List.of("_NULL_", "_ANON_", "_EXPORT", "_RC4_", "_DES_", "_DES40_",
            "3DES", "_MD5", "_SCSV");

    SSLContext context;
    KeyStore keys;
    Secret keyPassword;
    KeyStore trusted;
    String[] versions;
    String[] ciphers;
    HostnameVerifier verifier;

    /** Whether anything differs from the JDK's default TLS set-up. */
    boolean customised() {
        return context != null || keys != null || trusted != null || versions != null || ciphers != null
                || verifier != null;
    }

    /** The strategy every {@code https} connection uses, checked; an {@link IllegalArgumentException} says what is refused. */
    TlsSocketStrategy build() {
        if (context != null && (keys != null || trusted != null)) {
            throw new IllegalArgumentException("give either an SSL context or key / trust material, not both: "
                    + "the context already holds its own");
        }
        SSLContext ssl = context != null ? context : context();
        ClientTlsStrategyBuilder builder = ClientTlsStrategyBuilder.create().setSslContext(ssl)
                .setHostVerificationPolicy(HostnameVerificationPolicy.BOTH);
        if (versions != null) {
            builder.setTlsVersions(versions);
        }
        if (ciphers != null) {
            List<String> supported = Arrays.asList(ssl.getSupportedSSLParameters().getCipherSuites());
            for (String cipher : ciphers) {
                if (!supported.contains(cipher)) {
                    throw new IllegalArgumentException("cipher suite " + cipher + " is not supported by the SSL context");
                }
            }
            builder.setCiphers(ciphers);
        }
        if (verifier != null) {
            builder.setHostnameVerifier(verifier);
        }
        return builder.buildClassic();
    }

    /** TLS versions checked: TLS 1.2 and 1.3 only. */
    static String[] versions(String... versions) {
        if (versions == null || versions.length == 0) {
            throw new IllegalArgumentException("name at least one TLS version (TLSv1.2, TLSv1.3)");
        }
        for (String version : versions) {
            if (!VERSIONS.contains(version)) {
                throw new IllegalArgumentException("TLS version " + version + " is refused: only TLSv1.2 and TLSv1.3 "
                        + "are allowed (older versions are broken)");
            }
        }
        return versions.clone();
    }

    /** Cipher suite names checked: none broken or unauthenticated. */
    static String[] ciphers(String... ciphers) {
        if (ciphers == null || ciphers.length == 0) {
            throw new IllegalArgumentException("name at least one cipher suite");
        }
        for (String cipher : ciphers) {
            if (cipher == null || cipher.isBlank()) {
                throw new IllegalArgumentException("a cipher suite name must not be blank");
            }
            String upper = cipher.toUpperCase(Locale.ROOT);
            for (String weak : WEAK) {
                if (upper.contains(weak)) {
                    throw new IllegalArgumentException("cipher suite " + cipher + " is refused: null, anonymous, "
                            + "export, RC4, DES, 3DES and MD5 suites are broken or unauthenticated");
                }
            }
        }
        return ciphers.clone();
    }

    /** Key material checked: it holds a private key (with its certificate) the password opens. */
    static KeyStore keys(KeyStore keys, Secret password) {
        if (keys == null || password == null) {
            throw new IllegalArgumentException("key material needs a key store and its password");
        }
        if (!holds(keys, true)) {
            throw new IllegalArgumentException("the key material holds no private key");
        }
        return keys;
    }

    /** Trust material checked: it holds at least one certificate. */
    static KeyStore trusted(KeyStore trusted) {
        if (trusted == null) {
            throw new IllegalArgumentException("trust material must be given");
        }
        if (!holds(trusted, false)) {
            throw new IllegalArgumentException("the trust material holds no certificate: it would refuse every provider");
        }
        return trusted;
    }

    /**
     * A host name check added to the JDK's own, checked: one that accepts a peer that presented no
     * certificate at all (such as {@code NoopHostnameVerifier}) would check nothing, and is refused.
     */
    static HostnameVerifier verifier(HostnameVerifier verifier) {
        if (verifier == null) {
            throw new IllegalArgumentException("hostname verifier must be given");
        }
        boolean acceptsAnything;
        try {
            acceptsAnything = verifier instanceof NoopHostnameVerifier
                    || verifier.verify("voucherport-probe.invalid", new Unverified());
        } catch (RuntimeException refusedTheProbe) {
            acceptsAnything = false;
        }
        if (acceptsAnything) {
            throw new IllegalArgumentException("a hostname verifier that accepts a peer without any certificate is "
                    + "refused: it would turn host name verification off");
        }
        return verifier;
    }

    private SSLContext context() {
        try {
            KeyManager[] keyManagers = null;
            if (keys != null) {
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                char[] password = keyPassword.reveal().toCharArray();
                try {
                    factory.init(keys, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                keyManagers = factory.getKeyManagers();
            }
            TrustManager[] trustManagers = null;
            if (trusted != null) {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trusted);
                trustManagers = factory.getTrustManagers();
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keyManagers, trustManagers, null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS material cannot be used (" + e.getClass().getSimpleName()
                    + "; a wrong key password?)", e);
        }
    }

    private static boolean holds(KeyStore store, boolean key) {
        try {
            Enumeration<String> aliases = store.aliases();
            while (aliases.hasMoreElements()) {
                String alias = aliases.nextElement();
                if (key ? store.isKeyEntry(alias) && store.getCertificate(alias) != null
                        : store.getCertificate(alias) != null) {
                    return true;
                }
            }
            return false;
        } catch (KeyStoreException e) {
            throw new IllegalArgumentException("the key store is not loaded", e);
        }
    }

    /** A session whose peer presented no certificate: no host name can match it. */
    private static final class Unverified implements SSLSession {
        @Override
        public byte[] getId() {
            return new byte[0];
        }

        @Override
        public SSLSessionContext getSessionContext() {
            return null;
        }

        @Override
        public long getCreationTime() {
            return 0;
        }

        @Override
        public long getLastAccessedTime() {
            return 0;
        }

        @Override
        public void invalidate() {
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public void putValue(String name, Object value) {
        }

        @Override
        public Object getValue(String name) {
            return null;
        }

        @Override
        public void removeValue(String name) {
        }

        @Override
        public String[] getValueNames() {
            return new String[0];
        }

        @Override
        public Certificate[] getPeerCertificates() throws SSLPeerUnverifiedException {
            throw new SSLPeerUnverifiedException("no peer certificate");
        }

        @Override
        public Certificate[] getLocalCertificates() {
            return null;
        }

        @Override
        public Principal getPeerPrincipal() throws SSLPeerUnverifiedException {
            throw new SSLPeerUnverifiedException("no peer certificate");
        }

        @Override
        public Principal getLocalPrincipal() {
            return null;
        }

        @Override
        public String getCipherSuite() {
            return "SSL_NULL_WITH_NULL_NULL";
        }

        @Override
        public String getProtocol() {
            return "NONE";
        }

        @Override
        public String getPeerHost() {
            return "voucherport-probe.invalid";
        }

        @Override
        public int getPeerPort() {
            return -1;
        }

        @Override
        public int getPacketBufferSize() {
            return 0;
        }

        @Override
        public int getApplicationBufferSize() {
            return 0;
        }

        @Override
        public String toString() {
            return "an SSL session without a peer certificate";
        }
    }
}
