package io.voucherport.adapter.support;

import feign.Request;
import feign.RequestTemplate;
import feign.RetryableException;
import io.voucherport.domain.Require;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link RequestHeaders} hook with the names it was registered with, checked when the client is
 * built (a name that carries credentials or framing is refused) and applied per request by the
 * request path (an undeclared name, a name the request already has, or a bad value refuses the
 * request before it is sent). Immutable and thread-safe.
 */
final class HeaderHook {

    /** Longest value a hook may add. */
    static final int MAX_VALUE_LENGTH = 8 * 1024;

    /** Most names a hook may be registered with. */
    static final int MAX_NAMES = 32;

    /**
     * Names no hook may add (compared like {@link Masker} compares header names: ignoring case,
     * {@code -} and {@code _}): credentials, framing and routing, what the transport or the
     * adapters set, and every header {@link Masker} treats as secret.
     */
    static final Set<String> REFUSED = refused();

    private final Set<String> names;
    private final RequestHeaders hook;

    private HeaderHook(Set<String> names, RequestHeaders hook) {
        this.names = names;
        this.hook = hook;
    }

    /** The hook and its names, checked; an {@link IllegalArgumentException} names the first refused. */
    static HeaderHook of(Set<String> names, RequestHeaders hook) {
        Require.present(names, "request header names");
        Require.present(hook, "request headers hook");
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw new IllegalArgumentException("a request headers hook must be registered with 1 to " + MAX_NAMES
                    + " header names but had " + names.size());
        }
        Set<String> checked = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : names) {
            checkName(name);
            if (REFUSED.contains(normal(name))) {
                throw new IllegalArgumentException("a request headers hook may not add '" + name + "': credentials, "
                        + "framing and the headers Voucherport sets (Authorization, Proxy-Authorization, Host, "
                        + "Content-Length, Transfer-Encoding, Content-Type, Accept, User-Agent, the providers' secret "
                        + "headers, ...) are not the hook's to set; the User-Agent is set with userAgent(String)");
            }
            checked.add(name);
        }
        return new HeaderHook(java.util.Collections.unmodifiableSet(checked), hook);
    }

    /**
     * Adds the hook's headers for {@code provider} and {@code operation} to {@code template}, or
     * refuses the request (nothing sent): a {@link RetryableException} whose cause is a
     * {@link NoConnectionException}, which the request path reports as {@code Unavailable}.
     */
    void apply(String provider, String operation, RequestTemplate template) {
        List<Map.Entry<String, String>> given;
        try {
            Map<String, String> added = hook.headers(provider, operation);
            if (added == null) {
                throw refused(template, "the request headers hook returned null");
            }
            given = new ArrayList<>();
            for (Map.Entry<String, String> header : added.entrySet()) {   // copied here: a lazy map fails here
                given.add(new java.util.AbstractMap.SimpleImmutableEntry<>(header.getKey(), header.getValue()));
                if (given.size() > MAX_NAMES) {
                    throw refused(template, "the request headers hook added more than " + MAX_NAMES + " headers");
                }
            }
        } catch (RetryableException e) {
            throw e;
        } catch (Throwable e) {   // a bug in the hook or in its answer: this request is not sent, nothing escapes
            if (CallGuard.fatal(e)) {
                throw (Error) e;
            }
            throw refused(template, "the request headers hook failed (" + e.getClass().getSimpleName() + ")");
        }
        List<Map.Entry<String, String>> checked = new ArrayList<>(given.size());
        for (Map.Entry<String, String> header : given) {
            String name = header.getKey();
            if (name == null || !names.contains(name)) {
                throw refused(template, "the request headers hook added a header it was not registered with"
                        + (name == null ? "" : " ('" + safeName(name) + "')"));
            }
            if (carries(template, name)) {
                throw refused(template, "the request headers hook may not override the request's '" + name + "' header");
            }
            String value = header.getValue();
            if (value == null || value.length() > MAX_VALUE_LENGTH || !visible(value)) {
                throw refused(template, "the request headers hook gave '" + name + "' a value that is null, longer than "
                        + MAX_VALUE_LENGTH + " characters or holds a control or non-ASCII character");
            }
            checked.add(header);
        }
        for (Map.Entry<String, String> header : checked) {
            template.headerLiteral(header.getKey(), header.getValue());
        }
    }

    @Override
    public String toString() {
        return "RequestHeaders" + names;
    }

    private static boolean carries(RequestTemplate template, String name) {
        for (Map.Entry<String, Collection<String>> header : template.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static RetryableException refused(RequestTemplate template, String why) {
        NoConnectionException cause = new NoConnectionException(why + "; nothing was sent");
        Request request = Request.create(Request.HttpMethod.valueOf(template.method()), template.url(), Map.of(), null,
                StandardCharsets.UTF_8, template);
        return new RetryableException(-1, cause.getMessage(), request.httpMethod(), cause, (Long) null, request);
    }

    /** A name as {@link Masker} compares names: lower case, without {@code -} and {@code _}. */
    static String normal(String name) {
        StringBuilder normal = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_') {
                normal.append(Character.toLowerCase(c));
            }
        }
        return normal.toString();
    }

    /** An RFC 9110 token of at most 256 characters. */
    private static void checkName(String name) {
        Require.present(name, "request header name");
        if (name.isEmpty() || name.length() > 256) {
            throw new IllegalArgumentException("a request header name must be 1 to 256 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean token = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!token) {
                throw new IllegalArgumentException("a request header name must be an HTTP token but was '"
                        + safeName(name) + "'");
            }
        }
    }

    /** A name as it may be shown: printable ASCII, at most 64 characters. */
    private static String safeName(String name) {
        StringBuilder safe = new StringBuilder();
        for (int i = 0; i < name.length() && safe.length() < 64; i++) {
            char c = name.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return safe.toString();
    }

    /** Visible ASCII, spaces and tabs only: no line break can split the header. */
    private static boolean visible(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (c < 0x20 || c >= 0x7f)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> refused() {
        Set<String> refused = new TreeSet<>();
        for (String name : List.of("authorization", "proxy-authorization", "proxy-authenticate", "www-authenticate",
                "host", "content-length", "transfer-encoding", "connection", "proxy-connection", "keep-alive", "te",
                "trailer", "upgrade", "expect", "accept-encoding", "content-encoding", "content-type", "accept",
                "user-agent", "cookie", "set-cookie", "forwarded", "x-forwarded-for", "x-forwarded-host",
                "x-http-method-override", "x-http-method", "x-method-override")) {
            refused.add(normal(name));
        }
        for (String name : Masker.COMMON_HEADERS) {
            refused.add(normal(name));
        }
        return java.util.Collections.unmodifiableSet(refused);
    }
}
