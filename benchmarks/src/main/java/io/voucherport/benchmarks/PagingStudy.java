package io.voucherport.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.PagingExecutor;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.domain.Secret;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.PromotionId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where users wait on a paged listing: wall time of a whole listing over a stub that answers every
 * request after a fixed latency (a network's round trip), for the adapter with its default settings
 * (pages fetched ahead), a sequential hand-written loop (the floor: what a naive client does) and
 * the theoretical best for the adapter's {@code k} pages in flight, {@code 1 + ⌈(pages − 1)/k⌉}
 * round trips. Rounds are interleaved (floor, then each adapter set-up) and every adapter walk
 * starts from rest: the limiter's bucket is given a second to refill first, as for a listing asked
 * for now and then (back-to-back walks are bound by the rate instead: pages ÷ rate).
 *
 * <p>Scenarios: every code of a 10,000-code Elastic Path promotion at page size 100 (100 pages),
 * EZ's order list of 1,000 orders (10 pages of 100), Shoplazza 2022-01's rule list of 1,000 rules
 * (20 pages of 50). Run alone with {@code java -cp benchmarks/target/voucherport-benchmarks.jar
 * io.voucherport.benchmarks.PagingStudy [--quick]}; written by {@link PagingReport}.
 */
public final class PagingStudy {

    /** Codes of the promotion walked. */
    static final int EP_CODES = 10_000;
    /** Elastic Path page size. */
    static final int EP_PAGE = 100;
    /** EZ orders listed. */
    static final int EZ_ORDERS = 1_000;
    /** EZ's default page size. */
    static final int EZ_PAGE = 100;
    /** Shoplazza rules listed. */
    static final int SHOPLAZZA_RULES = 1_000;
    /** Shoplazza's default page size. */
    static final int SHOPLAZZA_PAGE = 50;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long the study runs: latencies and rounds. */
    record Settings(String name, List<Integer> latenciesMs, int rounds, int slowRounds, int sweepRounds) {
    }

    /** The full run. */
    static final Settings FULL = new Settings("full", List.of(20, 100), 7, 3, 3);
    /** A smoke run. */
    static final Settings QUICK = new Settings("quick", List.of(20), 2, 1, 1);

    /**
     * One measured set-up.
     *
     * @param scenario what is listed
     * @param client who lists it ({@code floor}, {@code adapter})
     * @param limiter the limiter, in words
     * @param latencyMs the stub's latency
     * @param k pages in flight (1 for the floor)
     * @param pages requests one listing makes
     * @param items items one listing yields
     * @param seconds wall time of each round
     */
    record Run(String scenario, String client, String limiter, int latencyMs, int k, int pages, long items,
            List<Double> seconds) {

        double median() {
            List<Double> sorted = seconds.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        double min() {
            return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        double max() {
            return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        /** {@code 1 + ⌈(pages − 1)/k⌉} round trips at the stub's latency, in seconds. */
        double best() {
            return (1 + Math.ceil((pages - 1) / (double) k)) * latencyMs / 1000.0;
        }
    }

    /** What the study found. */
    record Figures(Settings settings, List<Run> runs, String memory, Duration elapsed) {
    }

    private PagingStudy() {
    }

    /**
     * {@code [--quick] [--out=docs/performance.md]}: runs the study and rewrites only its section and
     * target rows of the report.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Settings settings = FULL;
        Path out = Path.of("docs", "performance.md");
        for (String arg : args) {
            if (arg.equals("--quick")) {
                settings = QUICK;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                throw new IllegalArgumentException("usage: [--quick] [--out=docs/performance.md]");
            }
        }
        write(settings, out);
    }

    /** Runs the study and writes its section of {@code out} ({@code docs/performance.md}). */
    static void write(Settings settings, Path out) throws IOException, InterruptedException {
        PagingReport.write(run(settings), out);
    }

    /** Runs every scenario at every latency. */
    static Figures run(Settings settings) throws IOException, InterruptedException {
        long started = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        for (int latency : settings.latenciesMs()) {
            int rounds = latency <= 20 ? settings.rounds() : settings.slowRounds();
            try (LoopbackStub stub = LoopbackStub.start(delayed(new Bodies(), latency))) {
                runs.addAll(elasticPath(stub.url(), latency, rounds));
                runs.addAll(ez(stub.url(), latency, rounds));
                runs.addAll(shoplazza(stub.url(), latency, rounds));
                if (latency == settings.latenciesMs().get(0)) {
                    runs.addAll(sweep(stub.url(), latency, settings.sweepRounds()));
                }
            }
        }
        String memory = memory();
        return new Figures(settings, runs, memory, Duration.ofNanos(System.nanoTime() - started));
    }

    /** One way of listing everything once: answers how many items it saw. */
    @FunctionalInterface
    private interface Walk {
        long walk() throws IOException, InterruptedException;
    }

    /** A set-up under measurement. */
    private record Contender(String client, String limiter, int k, int pages, Walk walk, boolean fromRest,
            Runnable prepare) {
        Contender(String client, String limiter, int k, int pages, Walk walk, boolean fromRest) {
            this(client, limiter, k, pages, walk, fromRest, () -> { });
        }
    }

    private static List<Run> elasticPath(String url, int latency, int rounds) throws IOException, InterruptedException {
        HttpClient http = floorHttp();
        try (ElasticPathPromotions production = elasticPath(url, 100); ElasticPathPromotions development = elasticPath(url,
                ElasticPathPromotions.DEFAULT_REQUESTS_PER_SECOND)) {
            List<Contender> contenders = List.of(
                    new Contender("floor", "none", 1, EP_CODES / EP_PAGE, () -> floorElasticPath(http, url), false),
                    new Contender("adapter", "100/s", PagingExecutor.DEFAULT_PAGES, EP_CODES / EP_PAGE,
                            () -> count(production.codes(PromotionId.of(Payloads.EP_PROMOTION))), true),
                    new Contender("adapter", ElasticPathPromotions.DEFAULT_REQUESTS_PER_SECOND + "/s (default)",
                            PagingExecutor.DEFAULT_PAGES, EP_CODES / EP_PAGE,
                            () -> count(development.codes(PromotionId.of(Payloads.EP_PROMOTION))), true));
            return measure("Elastic Path: 10,000 codes", latency, rounds, contenders);
        }
    }

    private static List<Run> ez(String url, int latency, int rounds) throws IOException, InterruptedException {
        HttpClient http = floorHttp();
        try (EzCardsSupplier supplier = EzCardsSupplier.builder().baseUrl(url).apiKey(Secret.of("bench-api-key"))
                .bearerToken(Secret.of("bench-bearer-token")).build()) {
            List<Contender> contenders = List.of(
                    new Contender("floor", "none", 1, EZ_ORDERS / EZ_PAGE, () -> floorEz(http, url), false),
                    new Contender("adapter", "none (EZ documents no limit)", PagingExecutor.DEFAULT_PAGES,
                            EZ_ORDERS / EZ_PAGE, () -> count(supplier.orders()), false));
            return measure("EZ: 1,000 orders", latency, rounds, contenders);
        }
    }

    /**
     * Shoplazza's bucket refills at 2/s: 20 s from empty to full, so a walk from rest at the
     * default bucket gets a full bucket of its own (a new one per walk, the pool and its connections
     * shared), set up before the clock starts.
     */
    private static List<Run> shoplazza(String url, int latency, int rounds) throws IOException, InterruptedException {
        HttpClient http = floorHttp();
        try (SharedHttpClient pool = SharedHttpClient.create(); ShoplazzaDiscounts fast = shoplazza(url,
                RateLimiter.perSecond(100), pool)) {
            ShoplazzaDiscounts[] rested = {shoplazza(url, ShoplazzaDiscounts.storeBucket(), pool)};
            Runnable freshBucket = () -> {
                rested[0].close();
                rested[0] = shoplazza(url, ShoplazzaDiscounts.storeBucket(), pool);
            };
            try {
                List<Contender> contenders = List.of(
                        new Contender("floor", "none", 1, SHOPLAZZA_RULES / SHOPLAZZA_PAGE, () -> floorShoplazza(http, url),
                                false),
                        new Contender("adapter", "100/s", PagingExecutor.DEFAULT_PAGES, SHOPLAZZA_RULES / SHOPLAZZA_PAGE,
                                () -> count(fast.list()), true),
                        new Contender("adapter", "store bucket 40, 2/s (default)", PagingExecutor.DEFAULT_PAGES,
                                SHOPLAZZA_RULES / SHOPLAZZA_PAGE, () -> count(rested[0].list()), false, freshBucket));
                return measure("Shoplazza 2022-01: 1,000 rules", latency, rounds, contenders);
            } finally {
                rested[0].close();
            }
        }
    }

    /** The 10,000-code walk at 100 requests/s for several {@code k}: what the default is chosen by. */
    private static List<Run> sweep(String url, int latency, int rounds) throws IOException, InterruptedException {
        try (ElasticPathPromotions production = elasticPath(url, 100)) {
            List<Contender> contenders = new ArrayList<>();
            for (int k : new int[] {1, 2, 4, 8, 16, 32}) {
                contenders.add(new Contender("adapter k=" + k, "100/s", k, EP_CODES / EP_PAGE,
                        () -> count(production.codes(PromotionId.of(Payloads.EP_PROMOTION)).withPrefetch(k)), true));
            }
            return measure("sweep: Elastic Path 10,000 codes", latency, rounds, contenders);
        }
    }

    /** Interleaved rounds after one warm-up walk of each. */
    private static List<Run> measure(String scenario, int latency, int rounds, List<Contender> contenders)
            throws IOException, InterruptedException {
        long[] items = new long[contenders.size()];
        for (int c = 0; c < contenders.size(); c++) {
            items[c] = contenders.get(c).walk().walk();
        }
        List<List<Double>> seconds = new ArrayList<>();
        contenders.forEach(c -> seconds.add(new ArrayList<>()));
        for (int r = 0; r < rounds; r++) {
            for (int c = 0; c < contenders.size(); c++) {
                Contender contender = contenders.get(c);
                if (contender.fromRest()) {
                    Thread.sleep(1_100);   // the bucket refills: a walk from rest
                }
                contender.prepare().run();
                long start = System.nanoTime();
                long seen = contender.walk().walk();
                seconds.get(c).add((System.nanoTime() - start) / 1e9);
                if (seen != items[c]) {
                    throw new IllegalStateException(scenario + ": " + contender.client() + " saw " + seen + " items, then "
                            + items[c]);
                }
            }
        }
        List<Run> runs = new ArrayList<>();
        for (int c = 0; c < contenders.size(); c++) {
            Contender contender = contenders.get(c);
            runs.add(new Run(scenario, contender.client(), contender.limiter(), latency, contender.k(), contender.pages(),
                    items[c], List.copyOf(seconds.get(c))));
            System.out.printf(Locale.ROOT, "%s @%d ms, %s [%s]: median %.3f s%n", scenario, latency, contender.client(),
                    contender.limiter(), runs.get(c).median());
        }
        return runs;
    }

    private static long count(PagedSequence<?> listing) {
        return listing.forEachItem(item -> { }).getOrElseThrow(f -> new IllegalStateException("the listing failed: "
                + f.message()));
    }

    private static ElasticPathPromotions elasticPath(String url, int perSecond) {
        return ElasticPathPromotions.builder().baseUrl(url).clientId(Secret.of("bench-client"))
                .clientSecret(Secret.of("bench-secret-42")).pageSize(EP_PAGE).requestsPerSecond(perSecond).build();
    }

    private static ShoplazzaDiscounts shoplazza(String url, RateLimiter limiter, SharedHttpClient pool) {
        return ShoplazzaDiscounts.builder().storeUrl(url).version(ShoplazzaVersion.V2022_01)
                .tokens(AccessTokenProvider.fixed(Secret.of("bench-access-token-5566"))).rateLimiter(limiter)
                .httpClient(pool).build();
    }

    // ---- the floor: a sequential hand-written loop over the JDK's client, JSON read as a tree

    private static HttpClient floorHttp() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static JsonNode get(HttpClient http, String url, String header, String value)
            throws IOException, InterruptedException {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = answer.body()) {
            if (answer.statusCode() != 200) {
                throw new IOException("HTTP " + answer.statusCode() + " for " + url);
            }
            return JSON.readTree(body);
        }
    }

    private static long floorElasticPath(HttpClient http, String url) throws IOException, InterruptedException {
        long seen = 0;
        long offset = 0;
        while (true) {
            JsonNode page = get(http, url + "/v2/promotions/" + Payloads.EP_PROMOTION + "/codes?page%5Blimit%5D=" + EP_PAGE
                    + "&page%5Boffset%5D=" + offset, "Authorization", "Bearer bench-token");
            int n = page.path("data").size();
            seen += n;
            offset += n;
            if (n == 0 || offset >= page.path("meta").path("results").path("total").asLong()) {
                return seen;
            }
        }
    }

    private static long floorEz(HttpClient http, String url) throws IOException, InterruptedException {
        long seen = 0;
        for (int page = 1; ; page++) {
            JsonNode data = get(http, url + "/v2/orders?limit=" + EZ_PAGE + "&page=" + page, "Authorization",
                    "Bearer bench-bearer-token").path("data");
            seen += data.path("items").size();
            if (page >= data.path("totalPage").asInt()) {
                return seen;
            }
        }
    }

    private static long floorShoplazza(HttpClient http, String url) throws IOException, InterruptedException {
        long seen = 0;
        for (int page = 1; ; page++) {
            int n = get(http, url + "/openapi/2022-01/price_rules?limit=" + SHOPLAZZA_PAGE + "&page=" + page,
                    "Access-Token", "bench-access-token-5566").path("price_rules").size();
            seen += n;
            if (n < SHOPLAZZA_PAGE) {
                return seen;
            }
        }
    }

    // ---- the stub's answers

    /** Answers {@code inner}'s after {@code latencyMs}, on the connection's own thread (connections wait in parallel). */
    static LoopbackStub.Routes delayed(LoopbackStub.Routes inner, int latencyMs) {
        return (method, target) -> {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.answer(method, target);
        };
    }

    /** Every page of the three listings, rendered once, and Elastic Path's token. */
    static final class Bodies implements LoopbackStub.Routes {
        private final byte[] token = LoopbackStub.ok(Payloads.elasticPathToken());
        private final byte[][] codes = new byte[EP_CODES / EP_PAGE + 1][];
        private final byte[][] orders = new byte[EZ_ORDERS / EZ_PAGE + 2][];
        private final byte[][] rules = new byte[SHOPLAZZA_RULES / SHOPLAZZA_PAGE + 2][];
        private final byte[] notFound = LoopbackStub.response(404, "Not Found",
                "{\"error\":\"no route\"}".getBytes(StandardCharsets.UTF_8));

        Bodies() {
            for (int p = 0; p < codes.length; p++) {
                codes[p] = LoopbackStub.ok(Payloads.elasticPathPage((long) p * EP_PAGE, EP_PAGE, EP_CODES));
            }
            for (int p = 1; p < orders.length; p++) {
                orders[p] = LoopbackStub.ok(ezOrders(p));
            }
            for (int p = 1; p < rules.length; p++) {
                rules[p] = LoopbackStub.ok(shoplazzaRules(p));
            }
        }

        @Override
        public byte[] answer(String method, String target) {
            if (target.startsWith("/oauth/access_token")) {
                return token;
            }
            if (target.startsWith("/v2/promotions/")) {
                long page = Scenario.offset(target) / EP_PAGE;
                return page < codes.length ? codes[(int) page] : codes[codes.length - 1];
            }
            if (target.startsWith("/v2/orders")) {
                return orders[Math.min(orders.length - 1, Math.max(1, param(target, "page")))];
            }
            if (target.contains("/price_rules")) {
                return rules[Math.min(rules.length - 1, Math.max(1, param(target, "page")))];
            }
            return notFound;
        }

        /** An integer query parameter (1 when absent). */
        private static int param(String target, String name) {
            int at = target.indexOf(name + "=");
            if (at < 0 || (at > 0 && target.charAt(at - 1) != '?' && target.charAt(at - 1) != '&')) {
                return 1;
            }
            int end = at + name.length() + 1;
            int from = end;
            while (end < target.length() && Character.isDigit(target.charAt(end))) {
                end++;
            }
            return end > from ? Integer.parseInt(target.substring(from, end)) : 1;
        }

        private static byte[] ezOrders(int page) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = (page - 1) * EZ_PAGE; i < Math.min(EZ_ORDERS, page * EZ_PAGE); i++) {
                Map<String, Object> price = map("amount", "24.50", "currency", "USD");
                items.add(map("transactionId", String.format(Locale.ROOT, "0c6b3f6e-6f5e-4d59-9a8f-%012d", i),
                        "clientOrderNumber", "bench-order-" + i, "ezOrderNumber", "EZ-" + (10_000_000 + i),
                        "payWithCurrency", "USD", "grandTotal", price, "createdAt", "2026-11-22T10:15:30Z",
                        "status", "COMPLETED", "products", List.of(map("sku", Payloads.EZ_SKU, "quantity", 1,
                                "unitPrice", price, "totalPrice", price, "status", "COMPLETED",
                                "productName", "Amazon.com $25"))));
            }
            return json(map("requestId", "req-orders-" + page, "data", map("total", EZ_ORDERS, "page", page,
                    "pageSize", EZ_PAGE, "totalPage", (EZ_ORDERS + EZ_PAGE - 1) / EZ_PAGE, "items", items)));
        }

        private static byte[] shoplazzaRules(int page) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = (page - 1) * SHOPLAZZA_PAGE; i < Math.min(SHOPLAZZA_RULES, page * SHOPLAZZA_PAGE); i++) {
                items.add(map("id", String.format(Locale.ROOT, "f1b6b0a4-7f7c-4a57-bf8e-%012d", i), "title", "Rule " + i,
                        "value_type", "percentage", "value", "-10.0000", "usage_limit", "-1", "times_used", "3",
                        "allocation_method", "across", "allocation_limit", "0", "once_per_customer", "0",
                        "customer_selection", "all", "target_selection", "all", "target_type", "line_item",
                        "starts_at", "2026-11-01 09:00:00", "ends_at", "-1"));
            }
            return json(map("price_rules", items, "count", String.valueOf(SHOPLAZZA_RULES)));
        }
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 100,000 codes through the adapter (default prefetch) in a 32 MB child JVM ({@link MemoryRun}). */
    private static String memory() throws IOException, InterruptedException {
        try (LoopbackStub stub = LoopbackStub.start(Scenario.routes(10_000))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                    MemoryRun.class.getName(), stub.url(), "10").redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return "exit=" + process.waitFor() + " " + output + " prefetch=" + PagingExecutor.DEFAULT_PAGES;
        }
    }
}
