package io.voucherport.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stub's capacity: pre-rendered requests on one kept-alive socket per thread, answers read to
 * their last byte and not parsed. If this is far faster than the floor client, the stub is not
 * what limits the floor.
 */
final class RawSocketClient implements BenchClient {

    private final InetSocketAddress address;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> all = new CopyOnWriteArrayList<>();

    RawSocketClient(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
        this.connections = ThreadLocal.withInitial(this::connect);
    }

    @Override
    public Object call(Scenario scenario) {
        Connection c = connections.get();
        try {
            return switch (scenario) {
                case EZ_CODES -> c.get("/v2/orders/" + Payloads.EZ_TRANSACTION + "/codes");
                case EZ_INSTANT_ORDER -> c.post("/v2/orders/instant", "{\"clientOrderNumber\":\"" + Payloads.EZ_REFERENCE
                        + "\",\"enableClientOrderNumberDupCheck\":true,\"sku\":\"" + Payloads.EZ_SKU + "\"}");
                case EP_ALL_CODES -> {
                    long bytes = 0;
                    for (int page = 0; page < Payloads.EP_PAGES; page++) {
                        bytes += c.get("/v2/promotions/" + Payloads.EP_PROMOTION + "/codes?page%5Blimit%5D="
                                + Payloads.EP_PAGE + "&page%5Boffset%5D=" + page * Payloads.EP_PAGE);
                    }
                    yield bytes;
                }
                case SHOPLAZZA_CODE -> c.get("/openapi/2025-06/price_rules/" + Payloads.SHOPLAZZA_RULE
                        + "/discount_codes/" + Payloads.SHOPLAZZA_CODE);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Connection connect() {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5_000);
            Connection c = new Connection(socket);
            all.add(c);
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] buffer = new byte[64 * 1024];

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        long get(String path) throws IOException {
            return exchange(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }

        long post(String path, String body) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            return exchange(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + b.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
        }

        /** Sends, then reads the head and exactly Content-Length body bytes; returns the body's size. */
        long exchange(byte[] request) throws IOException {
            out.write(request);
            out.flush();
            int read = 0;
            int headEnd = -1;
            while (headEnd < 0) {
                int n = in.read(buffer, read, buffer.length - read);
                if (n < 0) {
                    throw new IOException("connection closed");
                }
                for (int i = Math.max(0, read - 3); i + 3 < read + n; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                        headEnd = i + 4;
                        break;
                    }
                }
                read += n;
            }
            String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            int at = head.indexOf("content-length:") + 15;
            long length = Long.parseLong(head.substring(at, head.indexOf("\r\n", at)).strip());
            long left = length - (read - headEnd);
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("body cut short");
                }
                left -= n;
            }
            return length;
        }
    }
}
