package io.voucherport.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A provider that misbehaves on purpose: a raw-socket HTTP/1.1 server (no framework between the
 * test and the bytes) that answers each request as its {@link #answer router} says — slowly,
 * endlessly, compressed, hanging, redirecting. Every answer closes its connection.
 * {@link #dropConnections()} closes every open connection and stops every answer in progress.
 */
final class HostileServer implements AutoCloseable {

    /**
     * A request as received.
     *
     * @param method the method
     * @param target the request target (path and query)
     * @param headers the headers, names in lower case
     * @param body the body
     */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    /** How a request is answered: writes to {@code out}, may block; returning closes the connection. */
    @FunctionalInterface
    interface Answer {
        void write(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private volatile Function<Request, Answer> router = r -> json(404, "{\"message\":\"nothing here\"}");

    /** Listens on {@code host} (a loopback address), any free port. */
    HostileServer(String host) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + host, e);
        }
        threads.execute(this::acceptLoop);
    }

    /** {@code http://host:port}. */
    String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    /** Answers every request from now on as {@code how} says. */
    void answer(Function<Request, Answer> how) {
        this.router = how;
    }

    /** Every request received since the last {@link #dropConnections()}. */
    List<Request> requests() {
        return List.copyOf(received);
    }

    /** Closes every open connection, stops every answer being written and forgets the requests. */
    void dropConnections() {
        generation.incrementAndGet();
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
        received.clear();
    }

    @Override
    public void close() {
        dropConnections();
        closeQuietly(server);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                int born = generation.get();
                threads.execute(() -> serve(socket, born));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    private void serve(Socket socket, int born) {
        try (socket) {
            Request request = read(new BufferedInputStream(socket.getInputStream()));
            if (request == null || generation.get() != born) {
                return;
            }
            received.add(request);
            OutputStream out = new StoppableOutput(socket.getOutputStream(), born);
            router.apply(request).write(out);
            out.flush();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, or the connection was dropped: the answer ends here
        } finally {
            open.remove(socket);
        }
    }

    /** Stops writing once the connections were dropped. */
    private final class StoppableOutput extends OutputStream {
        private final OutputStream out;
        private final int born;

        StoppableOutput(OutputStream out, int born) {
            this.out = out;
            this.born = born;
        }

        private void check() throws IOException {
            if (generation.get() != born) {
                throw new IOException("dropped");
            }
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            check();
            out.flush();
        }
    }

    private static Request read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = all.toByteArray();
        }
        return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing
        }
    }

    // ---- answers ---------------------------------------------------------------------------

    private static byte[] head(int status, List<String> headers) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 302 -> "Found";
            case 404 -> "Not Found";
            default -> "Status";
        };
    }

    /** A complete JSON answer. */
    static Answer json(int status, String body, String... headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(headers));
        all.add("Content-Type: application/json");
        all.add("Content-Length: " + bytes.length);
        byte[] head = head(status, all);
        return out -> {
            out.write(head);
            out.write(bytes);
        };
    }

    /** The whole answer (status line, headers, body), one byte every {@code interval}. */
    static Answer drip(String body, Duration interval) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        all.writeBytes(head(200, List.of("Content-Type: application/json", "Content-Length: " + bytes.length)));
        all.writeBytes(bytes);
        byte[] answer = all.toByteArray();
        return out -> {
            for (byte b : answer) {
                out.write(b);
                out.flush();
                Thread.sleep(interval.toMillis());
            }
        };
    }

    /** A chunked JSON answer that starts with {@code prefix} and never ends (1 MiB of spaces every 10 ms). */
    static Answer endlessChunked(String prefix) {
        byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        return out -> {
            out.write(head(200, List.of("Content-Type: application/json", "Transfer-Encoding: chunked")));
            chunk(out, prefix.getBytes(StandardCharsets.UTF_8));
            while (true) {
                chunk(out, spaces);
                out.flush();
                Thread.sleep(10);
            }
        };
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code compressed} sent as {@code Content-Encoding: gzip}, with its compressed length. */
    static Answer gzip(byte[] compressed) {
        byte[] head = head(200, List.of("Content-Type: application/json", "Content-Encoding: gzip",
                "Content-Length: " + compressed.length));
        return out -> {
            out.write(head);
            out.write(compressed);
        };
    }

    /** {@code prefix} followed by spaces up to {@code inflated} bytes, gzipped (about a thousandth of the size). */
    static byte[] gzipBomb(String prefix, long inflated) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(compressed, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            gz.write(start);
            byte[] spaces = " ".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long left = inflated - start.length; left > 0; left -= spaces.length) {
                gz.write(spaces, 0, (int) Math.min(left, spaces.length));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return compressed.toByteArray();
    }

    /** A redirect to {@code location}. */
    static Answer redirect(String location) {
        byte[] head = head(302, List.of("Location: " + location, "Content-Length: 0"));
        return out -> out.write(head);
    }

    /** Reads the request and never answers (until the connections are dropped). */
    static Answer hang() {
        return out -> {
            while (true) {
                out.flush();   // fails once dropped
                Thread.sleep(50);
            }
        };
    }
}
