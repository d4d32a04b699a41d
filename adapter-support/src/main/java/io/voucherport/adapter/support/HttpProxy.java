package io.voucherport.adapter.support;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * An HTTP forward proxy that a {@link SharedHttpClient} sends its requests through (see
 * {@link SharedHttpClient.Builder#proxy(HttpProxy)}): reached over plain HTTP at
 * {@link #host()}:{@link #port()}, optionally with credentials sent as a
 * {@code Proxy-Authorization: Basic} header to the proxy alone. An {@code http} provider is called
 * with absolute-URI requests through it; an {@code https} provider through a {@code CONNECT}
 * tunnel, with TLS to the provider over the tunnel (the proxy sees neither the requests nor the
 * answers).
 *
 * <p>The password is a {@link Secret}: never in {@link #toString()}, a log line or a failure
 * message. Immutable and thread-safe.
 */
public final class HttpProxy {

    private final String host;
    private final int port;
    private final Option<String> username;
    private final Option<Secret> password;

    private HttpProxy(String host, int port, Option<String> username, Option<Secret> password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * A proxy without credentials.
     *
     * @param host the proxy's host name or IPv4 address (no scheme, port, path or space; an IPv6
     *     literal is refused); kept lower-cased
     * @param port the proxy's port, 1 to 65535
     * @return a proxy reached at {@code host:port}, sent no credentials (add them with
     *     {@link #withCredentials(String, Secret)})
     * @throws IllegalArgumentException if the host is blank or holds a scheme, path, port or space,
     *     or the port is out of range
     */
    public static HttpProxy of(String host, int port) {
        return new HttpProxy(host(host), port(port), Option.none(), Option.none());
    }

    /**
     * This proxy with credentials, sent to the proxy (never to a provider) as
     * {@code Proxy-Authorization: Basic}.
     *
     * @param user the user name: not blank, without {@code :} or control characters
     * @param secret the password, never shown in {@link #toString()}, a log line or a failure
     * @return a proxy with the same address and these credentials
     * @throws IllegalArgumentException if the user name is blank or holds {@code :} or a control
     *     character
     * @throws NullPointerException if the user name or the secret is missing
     */
    public HttpProxy withCredentials(String user, Secret secret) {
        Require.text(user, "proxy user");
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == ':' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("proxy user must not hold ':' or a control character");
            }
        }
        return new HttpProxy(host, port, Option.some(user), Option.some(Require.present(secret, "proxy password")));
    }

    /**
     * The proxy's host.
     *
     * @return the host name or IPv4 address, lower-cased
     */
    public String host() {
        return host;
    }

    /**
     * The proxy's port.
     *
     * @return the port, 1 to 65535
     */
    public int port() {
        return port;
    }

    /**
     * The user name sent to the proxy, if any.
     *
     * @return the user name, or none without credentials
     */
    public Option<String> username() {
        return username;
    }

    /**
     * Whether requests carry credentials for the proxy.
     *
     * @return true when {@link #withCredentials(String, Secret)} gave some
     */
    public boolean hasCredentials() {
        return password.isDefined();
    }

    /** The {@code Proxy-Authorization} value, or null without credentials; for the transport only. */
    String authorization() {
        if (password.isEmpty()) {
            return null;
        }
        String pair = username.get() + ":" + password.get().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Equal when the address and the credentials are equal (the password compared in constant time).
     *
     * @param o another object
     * @return whether it is the same proxy with the same credentials
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof HttpProxy other && host.equals(other.host) && port == other.port
                && username.equals(other.username) && password.equals(other.password);
    }

    /**
     * A hash of the address and user name (never of the password).
     *
     * @return a hash consistent with {@link #equals(Object)} that depends on no secret
     */
    @Override
    public int hashCode() {
        return (host.hashCode() * 31 + port) * 31 + username.hashCode();
    }

    /**
     * The address and user name; the password as a fixed mask.
     *
     * @return for example {@code HttpProxy[proxy.internal:3128, user svc, password ****]}
     */
    @Override
    public String toString() {
        return "HttpProxy[" + host + ":" + port + username.map(u -> ", user " + u + ", password ****").getOrElse("")
                + "]";
    }

    static String host(String host) {
        Require.text(host, "proxy host");
        String h = host.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_';
            if (!allowed) {
                throw new IllegalArgumentException("proxy host must be a host name or an IPv4 address (no scheme, "
                        + "port, path, user or space) but was '" + shown(host) + "'");
            }
        }
        return h;
    }

    /**
     * The host as a refusal may show it: whatever precedes an {@code @} (a user and password written
     * into the host, as in a proxy URL) masked.
     */
    private static String shown(String host) {
        int at = host.lastIndexOf('@');
        return at < 0 ? host : "****" + host.substring(at);
    }

    static int port(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1 to 65535 but was " + port);
        }
        return port;
    }
}
