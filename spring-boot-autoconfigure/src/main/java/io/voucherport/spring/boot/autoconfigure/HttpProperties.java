package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.domain.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The HTTP client every adapter shares ({@code voucherport.http.*}): the connection pool and an outgoing
 * proxy. The proxy password is a secret: never shown by the actuator or logged.
 */
@ConfigurationProperties(prefix = "voucherport.http")
public class HttpProperties {

    /** Connections in the pool, all providers together. */
    private int maxConnections = 32;

    /** Most connections to one provider; default half the pool, rounded up. */
    private Integer maxConnectionsPerRoute;

    /** The User-Agent header sent to providers; default Voucherport's own. */
    private String userAgent;

    /** An HTTP proxy every provider call goes through; none when no host is set. */
    private final Proxy proxy = new Proxy();

    /** {@return connections in the pool, all providers together} */
    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * Sets {@link #getMaxConnections()}.
     *
     * @param maxConnections connections in the pool, all providers together
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    /** {@return most connections to one provider; default half the pool, rounded up} */
    public Integer getMaxConnectionsPerRoute() {
        return maxConnectionsPerRoute;
    }

    /**
     * Sets {@link #getMaxConnectionsPerRoute()}.
     *
     * @param maxConnectionsPerRoute most connections to one provider; default half the pool,
     *     rounded up
     */
    public void setMaxConnectionsPerRoute(Integer maxConnectionsPerRoute) {
        this.maxConnectionsPerRoute = maxConnectionsPerRoute;
    }

    /** {@return the User-Agent header sent to providers; default Voucherport's own} */
    public String getUserAgent() {
        return userAgent;
    }

    /**
     * Sets {@link #getUserAgent()}.
     *
     * @param userAgent the User-Agent header sent to providers; default Voucherport's own
     */
    public void setUserAgent(String userAgent) {
        this.userAgent = userAgent;
    }

    /** {@return an HTTP proxy every provider call goes through; none when no host is set} */
    public Proxy getProxy() {
        return proxy;
    }

    /** Defaults everywhere; Spring Boot binds the properties. */
    public HttpProperties() {
    }

    /** An outgoing HTTP proxy. */
    public static class Proxy {

        /** Defaults everywhere. */
        public Proxy() {
        }

        /** The proxy's host; setting it turns the proxy on. */
        private String host;

        /** The proxy's port. */
        private int port = 8080;

        /** The user name, when the proxy asks for one. */
        private String username;

        /** The password (a secret). */
        private Secret password;

        /** Take the proxies from the JVM's http(s).proxyHost, proxyPort and nonProxyHosts properties instead (no host set then). */
        private boolean useSystemProperties = false;

        /** {@return the proxy's host; setting it turns the proxy on} */
        public String getHost() {
            return host;
        }

        /**
         * Sets {@link #getHost()}.
         *
         * @param host the proxy's host; setting it turns the proxy on
         */
        public void setHost(String host) {
            this.host = host;
        }

        /** {@return the proxy's port, 1 to 65535; default 8080} */
        public int getPort() {
            return port;
        }

        /**
         * Sets {@link #getPort()}.
         *
         * @param port the proxy's port, 1 to 65535
         */
        public void setPort(int port) {
            this.port = port;
        }

        /** {@return the user name, when the proxy asks for one} */
        public String getUsername() {
            return username;
        }

        /**
         * Sets {@link #getUsername()}.
         *
         * @param username the user name, when the proxy asks for one
         */
        public void setUsername(String username) {
            this.username = username;
        }

        /** {@return the password (a secret)} */
        public Secret getPassword() {
            return password;
        }

        /**
         * Sets {@link #getPassword()}.
         *
         * @param password the password (a secret)
         */
        public void setPassword(Secret password) {
            this.password = password;
        }

        /**
         * {@return whether to take the proxies from the JVM's http(s).proxyHost, proxyPort and
         * nonProxyHosts properties instead (no host set then)}
         */
        public boolean isUseSystemProperties() {
            return useSystemProperties;
        }

        /**
         * Sets {@link #isUseSystemProperties()}.
         *
         * @param useSystemProperties whether to take the proxies from the JVM's http(s).proxyHost,
         *     proxyPort and nonProxyHosts properties instead (no host set then)
         */
        public void setUseSystemProperties(boolean useSystemProperties) {
            this.useSystemProperties = useSystemProperties;
        }

    }
}
