package io.voucherport.sandbox;

import io.vavr.control.Either;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The runnable sandbox. {@code java -jar voucherport-sandbox.jar} starts the provider simulators on
 * localhost and keeps them running, so a service can point its real configuration at them;
 * {@code java -jar voucherport-sandbox.jar demo} starts them in-process and runs an end-to-end
 * journey through the real adapters, exiting 0 only when every step succeeded.
 */
public final class Sandbox {

    private final PrintStream out;
    private int failures;

    Sandbox(PrintStream out) {
        this.out = out;
    }

    /** Entry point: no argument serves the simulators, {@code demo} runs the journey. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("demo")) {
            System.exit(new Sandbox(System.out).demo() ? 0 : 1);
        }
        int ezPort = Integer.parseInt(System.getProperty("voucherport.ez.port", "8181"));
        EzSimulator ez = EzSimulator.onPort(ezPort).withSampleData();
        ez.start();
        System.out.println("EZ Cards simulator  " + ez.baseUrl() + "   (x-api-key " + EzSimulator.DEFAULT_API_KEY
                + ", bearer token " + EzSimulator.DEFAULT_BEARER_TOKEN + ")");
        int giftHubPort = Integer.parseInt(System.getProperty("voucherport.gifthub.port", "8182"));
        GiftHubSimulator gifthub = GiftHubSimulator.onPort(giftHubPort).withSampleData();
        gifthub.start();
        System.out.println("GiftHub simulator   " + gifthub.baseUrl() + "   (client-id " + GiftHubSimulator.DEFAULT_CLIENT_ID
                + ", client-secret " + GiftHubSimulator.DEFAULT_CLIENT_SECRET + ")");
        System.out.println("Ports are set with -Dvoucherport.ez.port=… and -Dvoucherport.gifthub.port=…; Ctrl-C stops.");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ez.close();
            gifthub.close();
        }));
        Thread.currentThread().join();
    }

    /** Runs the journey against in-process simulators; true when every step succeeded. */
    boolean demo() {
        long start = System.nanoTime();
        out.println("Voucherport sandbox demo — real adapters against in-process simulators");
        try (EzSimulator ez = EzSimulator.create().withSampleData().asyncPolls(4);
                SharedHttpClient http = SharedHttpClient.create()) {
            ez.start();
            out.println("EZ Cards simulator at " + ez.baseUrl());
            EzCardsSupplier supplier = EzCardsSupplier.builder()
                    .baseUrl(ez.baseUrl())
                    .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                    .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN))
                    .httpClient(http)
                    .build();
            step("EZ balances", supplier.balances(), balances -> balances.stream().map(Balance::toString).toList()
                    .toString());
            OrderReference instantRef = OrderReference.generate();
            step("EZ instant order " + instantRef, supplier.place(OrderRequest.of(instantRef,
                    OrderLine.of("8PX-UF-Y5U", 1))).flatMap(order -> awaitCodes(supplier, order)), this::describe);
            OrderReference bulkRef = OrderReference.generate();
            step("EZ bulk order " + bulkRef, supplier.place(OrderRequest.of(bulkRef, OrderLine.of("AMZ-US-25", 5)))
                    .flatMap(order -> awaitCodes(supplier, order)), this::describe);
            Either<ProviderFailure, SupplierOrder> again = supplier.place(OrderRequest.of(bulkRef,
                    OrderLine.of("AMZ-US-25", 5)));
            boolean refused = again.isLeft() && again.getLeft() instanceof ProviderFailure.DuplicateReference;
            check("EZ same reference again is refused, nothing bought twice",
                    refused && ez.ordersWithReference(bulkRef.value()) == 1,
                    again.fold(ProviderFailure::message, o -> "bought again: " + o.id()));
            step("EZ balances after", supplier.balances(), balances -> balances.toString());
            giftHubJourney(http);
        }
        out.printf(Locale.ROOT, "%s in %d ms%n", failures == 0 ? "ALL STEPS SUCCEEDED" : failures + " STEP(S) FAILED",
                (System.nanoTime() - start) / 1_000_000);
        return failures == 0;
    }

    /** GiftHub: create-then-confirm hidden behind the same port, a partial order, the same reference refused. */
    private void giftHubJourney(SharedHttpClient http) {
        try (GiftHubSimulator sim = GiftHubSimulator.create().withSampleData().pollsToComplete(3)
                .outcome("PSN-UK-25", GiftHubSimulator.Outcome.PARTIAL)) {
            sim.start();
            out.println("GiftHub simulator at " + sim.baseUrl());
            GiftHubSupplier supplier = GiftHubSupplier.builder()
                    .baseUrl(sim.baseUrl())
                    .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                    .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                    .httpClient(http)
                    .build();
            step("GiftHub balances", supplier.balances(), balances -> balances.toString());
            OrderReference ref = OrderReference.generate();
            step("GiftHub order " + ref, supplier.place(OrderRequest.of(ref, OrderLine.of("STEAM-EU-20", 3)))
                    .flatMap(order -> awaitCodes(supplier, order)), this::describe);
            OrderReference partialRef = OrderReference.generate();
            step("GiftHub partial order " + partialRef, supplier.place(OrderRequest.of(partialRef,
                    OrderLine.of("PSN-UK-25", 2))).flatMap(order -> awaitCodes(supplier, order)), this::describe);
            Either<ProviderFailure, SupplierOrder> again = supplier.place(OrderRequest.of(ref,
                    OrderLine.of("STEAM-EU-20", 3)));
            check("GiftHub same reference again is refused, nothing bought twice",
                    again.isLeft() && again.getLeft() instanceof ProviderFailure.DuplicateReference
                            && sim.purchasesWithReference(ref.value()) == 1,
                    again.fold(ProviderFailure::message, o -> "bought again: " + o.id()));
        }
    }

    /** Polls an order until it ends (with a progress line), then fetches its codes. */
    private Either<ProviderFailure, OrderCodes> awaitCodes(CodeSupplier supplier, SupplierOrder placed) {
        SupplierOrder order = placed;
        long delayMs = 50;
        int polls = 0;
        while (!order.status().isTerminal()) {
            out.printf("\r  waiting for %s: %s (poll %d)", order.id(), order.status(), ++polls);
            sleep(delayMs);
            delayMs = Math.min(1000, delayMs * 2);
            Either<ProviderFailure, SupplierOrder> now = supplier.findOrder(order.id());
            if (now.isLeft()) {
                return Either.left(now.getLeft());
            }
            order = now.get();
        }
        if (polls > 0) {
            out.println("\r  " + order.id() + " " + order.status() + " after " + polls + " poll(s)          ");
        }
        return supplier.fetchCodes(order.id());
    }

    private String describe(OrderCodes codes) {
        List<String> masked = codes.delivered().stream()
                .map(c -> c.code().orElse(c.pin()).orElse(c.redeemLink()).map(Secret::masked).getOrElse("-")).toList();
        return codes.delivered().size() + " code(s) delivered " + masked + (codes.isComplete() ? "" : ", missing "
                + codes.shortfall());
    }

    private <T> void step(String name, Either<ProviderFailure, T> result, java.util.function.Function<T, String> show) {
        check(name, result.isRight(), result.fold(f -> f.getClass().getSimpleName() + ": " + f.message(), show));
    }

    private void check(String name, boolean ok, String detail) {
        if (!ok) {
            failures++;
        }
        out.println((ok ? "  ok    " : "  FAIL  ") + name + " — " + detail);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
