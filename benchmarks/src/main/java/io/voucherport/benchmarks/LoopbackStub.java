package io.voucherport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A minimal HTTP/1.1 server on loopback that answers with pre-rendered bytes, so the clients
 * measured, not the server, are the bottleneck: no parsing beyond the request line and
 * {@code Content-Length}, no JSON, one write per answer, keep-alive, a thread per connection. It
 * counts the TCP connections it accepted, which is how the report checks pooling.
 */
public final class LoopbackStub implements AutoCloseable {

    /** What the stub answers: the whole response (status line, headers, body) for a request. */
    @FunctionalInterface
    public interface Routes {
        /** The pre-rendered response to {@code method} {@code target} (path and query). */
        byte[] answer(String method, String target);
    }

    private final ServerSocket server;
    private final Routes routes;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-stub");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private volatile boolean closed;

    private LoopbackStub(Routes routes) throws IOException {
        this.routes = routes;
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        connections.execute(this::acceptLoop);
    }

    /** A running stub answering by {@code routes}. */
    public static LoopbackStub start(Routes routes) {
        try {
            return new LoopbackStub(routes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port", e);
        }
    }

    /** {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** TCP connections accepted since start (or the last {@link #resetCounts()}). */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Requests answered since start (or the last {@link #resetCounts()}). */
    public long requestsServed() {
        return requests.sum();
    }

    /** Starts counting again. */
    public void resetCounts() {
        accepted.set(0);
        requests.reset();
    }

    /** A complete {@code 200 OK} JSON response around {@code body}. */
    public static byte[] ok(byte[] body) {
        return response(200, "OK", body);
    }

    /** A complete JSON response with {@code status} around {@code body}. */
    public static byte[] response(int status, String reason, byte[] body) {
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nx-request-id: bench-request\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the stub stopped accepting", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            RequestReader reader = new RequestReader(in);
            while (reader.next()) {
                requests.increment(); // before answering, so a client that has its answer sees it counted
                out.write(routes.answer(reader.method, reader.target));
                out.flush();
                if (reader.close) {
                    return;
                }
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            // the client went away mid-request
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        connections.shutdownNow();
    }

    /** Reads requests off one connection: the request line, {@code Content-Length}, {@code Connection: close}. */
    static final class RequestReader {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int start;
        private int end;
        String method;
        String target;
        boolean close;

        RequestReader(InputStream in) {
            this.in = in;
        }

        /** Reads the next request; false at the end of the connection. */
        boolean next() throws IOException {
            int headEnd;
            while ((headEnd = find()) < 0) {
                if (!fill()) {
                    return false;
                }
            }
            String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
            start = headEnd + 4;
            int lineEnd = head.indexOf("\r\n");
            String line = lineEnd < 0 ? head : head.substring(0, lineEnd);
            int sp1 = line.indexOf(' ');
            int sp2 = line.indexOf(' ', sp1 + 1);
            method = line.substring(0, sp1);
            target = line.substring(sp1 + 1, sp2 < 0 ? line.length() : sp2);
            String lower = head.toLowerCase(Locale.ROOT);
            close = lower.contains("\r\nconnection: close");
            int length = 0;
            int at = lower.indexOf("\r\ncontent-length:");
            if (at >= 0) {
                int from = at + 17;
                int to = lower.indexOf("\r\n", from);
                length = Integer.parseInt(lower.substring(from, to < 0 ? lower.length() : to).strip());
            }
            skip(length);
            return true;
        }

        private int find() {
            for (int i = start; i + 3 < end; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        private boolean fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            if (end == buffer.length) {
                throw new IOException("request head too large");
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                return false;
            }
            end += n;
            return true;
        }

        private void skip(int length) throws IOException {
            int left = length;
            while (left > 0) {
                if (start == end && !fill()) {
                    throw new IOException("body cut short");
                }
                int n = Math.min(left, end - start);
                start += n;
                left -= n;
            }
        }
    }
}
