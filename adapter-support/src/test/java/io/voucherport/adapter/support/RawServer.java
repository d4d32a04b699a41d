package io.voucherport.adapter.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server for transport tests: it reads each request (head and
 * {@code Content-Length} body) and lets a {@link Handler} write whatever bytes it likes, as slowly
 * as it likes, on a kept-alive connection. It counts connections and the connections the client
 * closed while the handler was still writing (an aborted exchange).
 */
final class RawServer implements AutoCloseable {

    /** One request as read. */
    record Head(String requestLine, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return requestLine + "\n" + headers + "\n" + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Answers one request by writing to {@code out}; throwing ends the connection. */
    @FunctionalInterface
    interface Handler {
        void answer(Head head, Socket socket, OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Handler handler;
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "raw-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    final List<Head> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger abortedByClient = new AtomicInteger();

    RawServer(Handler handler) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), handler);
    }

    /** Serves on {@code server} (e.g. a TLS server socket), which it closes. */
    RawServer(ServerSocket server, Handler handler) {
        this.handler = handler;
        this.server = server;
        threads.submit(this::accept);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The local port. */
    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                sockets.add(socket);
                threads.submit(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Head head = read(in);
                if (head == null) {
                    return;
                }
                requests.add(head);
                try {
                    handler.answer(head, socket, out);
                    out.flush();
                } catch (IOException clientGone) {
                    abortedByClient.incrementAndGet();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the connection ends
        }
    }

    /** One message head and its {@code Content-Length} body (a request, or an answer's status line and body); null at the end. */
    static Head read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            boolean expected = matched % 2 == 0 ? b == '\r' : b == '\n';
            matched = expected ? matched + 1 : b == '\r' ? 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : 0;
        return new Head(lines[0], headers, in.readNBytes(length));
    }

    /** Writes {@code text} (ISO-8859-1) and flushes. */
    static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** A complete JSON answer with {@code status}. */
    static void json(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        write(out, "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
        out.write(body);
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
