package io.voucherport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * {@link LoopbackStub}'s answers over TLS, with a provider's connection habits: keep connections
 * (the default), close each one after its answer ({@code Connection: close}), or close one idle
 * for longer than a timeout (what most servers' keep-alive timeouts do, without telling the
 * client). Counts TCP connections and requests; the {@link SelfSignedTls} counts full handshakes.
 */
final class TlsStub implements AutoCloseable {

    /** How the stub treats connections. */
    enum Habit { KEEP, CLOSE_EACH, CLOSE_IDLE }

    private static final byte[] CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final LoopbackStub.Routes routes;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tls-stub");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private volatile Habit habit = Habit.KEEP;
    private volatile int idleMillis;
    private volatile boolean closed;

    TlsStub(SSLContext context, LoopbackStub.Routes routes) throws IOException {
        this.routes = routes;
        this.server = context.getServerSocketFactory().createServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** {@code https://127.0.0.1:port}. */
    String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, treat new and kept connections by {@code habit} ({@code idle} for {@link Habit#CLOSE_IDLE}). */
    void habit(Habit habit, Duration idle) {
        this.habit = habit;
        this.idleMillis = (int) idle.toMillis();
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    long requestsServed() {
        return requests.sum();
    }

    void resetCounts() {
        accepted.set(0);
        requests.reset();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                accepted.incrementAndGet();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    throw new IllegalStateException("the TLS stub stopped accepting", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            LoopbackStub.RequestReader reader = new LoopbackStub.RequestReader(in);
            while (true) {
                socket.setSoTimeout(habit == Habit.CLOSE_IDLE ? idleMillis : 0);
                try {
                    if (!reader.next()) {
                        return;
                    }
                } catch (SocketTimeoutException idle) {
                    return; // closes the connection: the client is not told
                }
                requests.increment();
                byte[] answer = routes.answer(reader.method, reader.target);
                boolean close = habit == Habit.CLOSE_EACH || reader.close;
                if (close) {
                    int line = indexOfLineEnd(answer) + 2;
                    out.write(answer, 0, line);
                    out.write(CLOSE);
                    out.write(answer, line, answer.length - line);
                } else {
                    out.write(answer);
                }
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    private static int indexOfLineEnd(byte[] answer) {
        for (int i = 0; i + 1 < answer.length; i++) {
            if (answer[i] == '\r' && answer[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("no status line");
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
        threads.shutdownNow();
    }
}
