package io.voucherport.adapter.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP forward proxy on a local port, for proxy tests: absolute-URI requests
 * ({@code GET http://host:port/path}) are forwarded to their origin in origin form (without the
 * proxy's own headers) and the answer relayed; {@code CONNECT host:port} opens a TCP tunnel and
 * relays bytes both ways (it never sees inside TLS). With required credentials, a request or
 * {@code CONNECT} without the right {@code Proxy-Authorization} gets a 407 and goes nowhere. It
 * records every request line and the {@code Proxy-Authorization} each carried.
 */
final class ForwardProxy implements AutoCloseable {

    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final String required;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "forward-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    /** Every request line received, in order. */
    final List<String> requestLines = Collections.synchronizedList(new ArrayList<>());
    /** The {@code Proxy-Authorization} of each request received ({@code ""} for none), in order. */
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    /** Connections accepted from clients. */
    final AtomicInteger connections = new AtomicInteger();

    /** A proxy that asks for no credentials. */
    ForwardProxy() throws IOException {
        this(null);
    }

    /** A proxy that wants exactly {@code requiredAuthorization} as {@code Proxy-Authorization} (null: none). */
    ForwardProxy(String requiredAuthorization) throws IOException {
        this.required = requiredAuthorization;
        threads.submit(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                sockets.add(client);
                threads.submit(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Map<String, Socket> upstreams = new HashMap<>();
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                RawServer.Head head = RawServer.read(in);
                if (head == null) {
                    return;
                }
                requestLines.add(head.requestLine());
                String authorization = head.header("Proxy-Authorization");
                authorizations.add(authorization == null ? "" : authorization);
                if (required != null && !required.equals(authorization)) {
                    RawServer.write(out, "HTTP/1.1 407 Proxy Authentication Required\r\n"
                            + "Proxy-Authenticate: Basic realm=\"test\"\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                String[] line = head.requestLine().split(" ");
                if (line[0].equals("CONNECT")) {
                    tunnel(line[1], in, out);
                    return;
                }
                forward(line, head, upstreams, out);
            }
        } catch (IOException | RuntimeException e) {
            // the connection ends
        } finally {
            for (Socket upstream : upstreams.values()) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
    }

    /** Relays bytes between the client and {@code authority} until either side ends. */
    private void tunnel(String authority, InputStream in, OutputStream out) throws IOException {
        int colon = authority.lastIndexOf(':');
        try (Socket upstream = new Socket(authority.substring(0, colon), Integer.parseInt(authority.substring(colon + 1)))) {
            sockets.add(upstream);
            RawServer.write(out, "HTTP/1.1 200 Connection established\r\n\r\n");
            threads.submit(() -> {
                try {
                    in.transferTo(upstream.getOutputStream());
                } catch (IOException ended) {
                    // either side closed
                } finally {
                    try {
                        upstream.shutdownOutput();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            upstream.getInputStream().transferTo(out);
        }
    }

    /** Sends the request to its origin in origin form, without the proxy's headers, and relays the answer. */
    private void forward(String[] line, RawServer.Head head, Map<String, Socket> upstreams, OutputStream out)
            throws IOException {
        URI uri = URI.create(line[1]);
        String origin = uri.getHost() + ":" + uri.getPort();
        Socket upstream = upstreams.get(origin);
        if (upstream == null) {
            upstream = new Socket(uri.getHost(), uri.getPort());
            sockets.add(upstream);
            upstreams.put(origin, upstream);
        }
        StringBuilder request = new StringBuilder(line[0]).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(' ').append(line[2]).append("\r\n");
        head.headers().forEach((name, value) -> {
            if (!name.equals("proxy-authorization") && !name.equals("proxy-connection")) {
                request.append(name).append(": ").append(value).append("\r\n");
            }
        });
        request.append("\r\n");
        OutputStream up = upstream.getOutputStream();
        up.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        up.write(head.body());
        up.flush();
        RawServer.Head answer = RawServer.read(upstream.getInputStream());
        if (answer == null) {
            throw new IOException("the origin closed the connection");
        }
        StringBuilder relayed = new StringBuilder(answer.requestLine()).append("\r\n");
        answer.headers().forEach((name, value) -> relayed.append(name).append(": ").append(value).append("\r\n"));
        relayed.append("\r\n");
        out.write(relayed.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(answer.body());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        threads.shutdownNow();
    }
}
