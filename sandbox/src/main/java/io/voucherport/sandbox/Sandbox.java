package io.voucherport.sandbox;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.jdbc.JdbcOrderReferenceStore;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.jdbc.JdbcSchema;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.discount.CheckDiscountCodes;
import io.voucherport.application.promotion.CodePattern;
import io.voucherport.application.promotion.ManagePromotionCodes;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.RecoverPurchases;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The runnable sandbox. {@code java -jar voucherport-sandbox.jar} starts the four provider
 * simulators on localhost and keeps them running, so a service can point its real configuration
 * at them; {@code java -jar voucherport-sandbox.jar demo} starts them in-process and runs an
 * end-to-end journey through the real adapters and the use cases, exiting 0 only when every step
 * succeeded.
 */
public final class Sandbox {

    private final PrintStream out;
    private int failures;

    Sandbox(PrintStream out) {
        this.out = out;
    }

    /** The four simulators, started. */
    public record Simulators(EzSimulator ez, GiftHubSimulator gifthub, ElasticPathSimulator elasticPath,
            ShoplazzaSimulator shoplazza) implements AutoCloseable {

        /** Starts all four on the given ports (0 for any free port) with sample data. */
        public static Simulators start(int ezPort, int giftHubPort, int elasticPathPort, int shoplazzaPort) {
            Simulators s = new Simulators(EzSimulator.onPort(ezPort).withSampleData().asyncPolls(4),
                    GiftHubSimulator.onPort(giftHubPort).withSampleData().pollsToComplete(3),
                    ElasticPathSimulator.onPort(elasticPathPort).withSampleData(),
                    ShoplazzaSimulator.onPort(shoplazzaPort).withSampleData());
            s.ez.start();
            s.gifthub.start();
            s.elasticPath.start();
            s.shoplazza.start();
            return s;
        }

        @Override
        public void close() {
            ez.close();
            gifthub.close();
            elasticPath.close();
            shoplazza.close();
        }
    }

    /** Entry point: no argument serves the simulators, {@code demo} runs the journey. */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("demo")) {
            boolean ok;
            try (Simulators sims = Simulators.start(0, 0, 0, 0); LocalDatabase db = LocalDatabase.open()) {
                ok = new Sandbox(System.out).demo(sims, HttpLogLevel.NONE, db);
            }
            System.exit(ok ? 0 : 1);
        }
        Simulators sims = Simulators.start(port("ez", 8181), port("gifthub", 8182), port("elasticpath", 8183),
                port("shoplazza", 8184));
        System.out.println("EZ Cards      " + sims.ez().baseUrl() + "   x-api-key " + EzSimulator.DEFAULT_API_KEY
                + ", bearer token " + EzSimulator.DEFAULT_BEARER_TOKEN);
        System.out.println("GiftHub       " + sims.gifthub().baseUrl() + "   client-id " + GiftHubSimulator.DEFAULT_CLIENT_ID
                + ", client-secret " + GiftHubSimulator.DEFAULT_CLIENT_SECRET);
        System.out.println("Elastic Path  " + sims.elasticPath().baseUrl() + "   client_id "
                + ElasticPathSimulator.DEFAULT_CLIENT_ID + ", client_secret " + ElasticPathSimulator.DEFAULT_CLIENT_SECRET);
        System.out.println("Shoplazza     " + sims.shoplazza().baseUrl() + "/openapi/{2022-01|2025-06}   Access-Token "
                + ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN);
        System.out.println("Ports: -Dvoucherport.{ez,gifthub,elasticpath,shoplazza}.port=…; Ctrl-C stops.");
        Runtime.getRuntime().addShutdownHook(new Thread(sims::close));
        Thread.currentThread().join();
    }

    private static int port(String name, int fallback) {
        return Integer.parseInt(System.getProperty("voucherport." + name + ".port", String.valueOf(fallback)));
    }

    /**
     * The journey against running simulators, with the adapters logging HTTP at {@code logLevel}
     * (always masked) and the purchase journal and GiftHub's reference store in {@code db}; true
     * when every step succeeded.
     */
    boolean demo(Simulators sims, HttpLogLevel logLevel, LocalDatabase db) {
        long start = System.nanoTime();
        out.println("Voucherport sandbox demo — real adapters and use cases against in-process simulators");
        JdbcSchema.createIfMissing(db.dataSource());
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(db.dataSource()).build();
        try (SharedHttpClient http = SharedHttpClient.create();
                EzCardsSupplier ez = EzCardsSupplier.builder().baseUrl(sims.ez().baseUrl())
                        .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                        .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).httpClient(http).logLevel(logLevel).build();
                GiftHubSupplier gifthub = GiftHubSupplier.builder().baseUrl(sims.gifthub().baseUrl())
                        .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                        .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                        .references(JdbcOrderReferenceStore.create(db.dataSource()))   // durable: resumes after restarts
                        .httpClient(http).logLevel(logLevel).build();
                ElasticPathPromotions promotions = ElasticPathPromotions.builder().baseUrl(sims.elasticPath().baseUrl())
                        .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                        .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET))
                        .kind(PromotionKind.STANDARD).httpClient(http).logLevel(logLevel).build();
                ShoplazzaDiscounts shop = ShoplazzaDiscounts.builder().storeUrl(sims.shoplazza().baseUrl())
                        .version(ShoplazzaVersion.V2025_06)
                        .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                        .httpClient(http).logLevel(logLevel).build()) {
            out.println("simulators: EZ " + sims.ez().baseUrl() + ", GiftHub " + sims.gifthub().baseUrl()
                    + ", Elastic Path " + sims.elasticPath().baseUrl() + ", Shoplazza " + sims.shoplazza().baseUrl());
            out.println("purchase journal: " + (db.isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL") + " " + db);
            Waiting waiting = Waiting.real();
            BuyCodes buyFromEz = BuyCodes.builder("ez", new ProgressReport(ez, out), journal).waiting(waiting)
                    .owner("demo-instance-1").build();
            BuyFromSuppliers directory = BuyFromSuppliers.builder(journal, PollingPolicy.DEFAULT, waiting)
                    .owner("demo-instance-1")
                    .supplier("ez", new ProgressReport(ez, out), Map.of(Sku.of("GAME-10"), Sku.of("8PX-UF-Y5U")))
                    .supplier("gifthub", new ProgressReport(gifthub, out), Map.of(Sku.of("GAME-10"),
                            Sku.of("STEAM-EU-20"), Sku.of("STEAM-20-EUR"), Sku.of("STEAM-EU-20")))
                    .build();

            step("EZ balances", ez::balances, List::toString);
            OrderRequest instant = BuyCodes.prepare(List.of(OrderLine.of("8PX-UF-Y5U", 1)), Option.none());
            purchase("EZ instant order " + instant.reference(), () -> buyFromEz.buy(instant));
            OrderRequest bulk = BuyCodes.prepare(List.of(OrderLine.of("AMZ-US-25", 5)), Option.none());
            purchase("EZ bulk order " + bulk.reference(), () -> buyFromEz.buy(bulk));
            PurchaseResult again = buyFromEz.buy(bulk);
            check("EZ same reference again: the existing order, nothing bought twice",
                    again instanceof PurchaseResult.Delivered && sims.ez().ordersWithReference(bulk.reference().value()) == 1,
                    sims.ez().ordersWithReference(bulk.reference().value()) + " order(s) with " + bulk.reference());

            interruptedAndRecovered(sims, ez, journal);

            OrderRequest routed = BuyCodes.prepare(List.of(OrderLine.of("STEAM-20-EUR", 2)), Option.none());
            BuyFromSuppliers.Routed viaGiftHub = directory.buy(routed.reference(), routed.lines(), Option.none(),
                    List.of("ez", "gifthub"));
            check("GiftHub order " + routed.reference() + " (EZ has no mapping, so routed on)",
                    viaGiftHub.result() instanceof PurchaseResult.Delivered && viaGiftHub.refusedBy().equals(List.of("ez")),
                    "via " + viaGiftHub.supplier() + " after " + viaGiftHub.refusedBy() + ": " + describe(viaGiftHub.result()));

            ManagePromotionCodes codes = new ManagePromotionCodes(promotions, new SecureRandom());
            PromotionId summer = PromotionId.of("std-summer");
            step("Elastic Path stream std-summer", () -> codes.codes(summer).forEachItem(c -> { }),
                    n -> n + " codes, one page in memory at a time");
            step("Elastic Path issue 25 new codes", () -> codes.issue(summer, 25, CodePattern.of("VP-", 11), Option.some(1))
                    .flatMap(i -> i.failure().isDefined() ? Either.left(i.failure().get()) : Either.right(i)),
                    i -> i.created().size() + " created, e.g. " + i.created().get(0).code());
            step("Elastic Path who holds STDSUMMER-000042", () -> codes.whoHolds(
                    io.voucherport.domain.promotion.CodeText.of("STDSUMMER-000042")), Object::toString);

            CheckDiscountCodes checker = new CheckDiscountCodes(shop, shop, java.time.Clock.systemUTC());
            for (String code : List.of("WELCOME5", "TEN001", "NOT-A-CODE")) {
                step("Shoplazza check " + code, () -> checker.check(code), c -> c.getClass().getSimpleName());
            }
            step("EZ balances after", ez::balances, List::toString);
        }
        out.printf(Locale.ROOT, "%s in %d ms%n", failures == 0 ? "ALL STEPS SUCCEEDED" : failures + " STEP(S) FAILED",
                (System.nanoTime() - start) / 1_000_000);
        return failures == 0;
    }

    /**
     * One instance dies right after EZ accepted its order, before it could journal the answer;
     * once its lease runs out, another instance's recovery finds the purchase in the journal, looks
     * the order up by reference and delivers it — one order, nothing bought twice.
     */
    private void interruptedAndRecovered(Simulators sims, EzCardsSupplier ez, JdbcPurchaseJournal journal) {
        long start = System.nanoTime();
        OrderRequest request = BuyCodes.prepare(List.of(OrderLine.of("AMZ-US-25", 2)), Option.none());
        BuyCodes dying = BuyCodes.builder("ez", new DyingInstance(ez), journal).owner("demo-instance-2")
                .lease(Duration.ofSeconds(1)).build();
        try {
            dying.buy(request);
        } catch (DyingInstance.Died died) {
            out.println("        demo-instance-2 died after EZ accepted " + request.reference()
                    + ", before journaling the answer; its lease runs out in 1 s");
        }
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RecoverPurchases recovery = new RecoverPurchases(journal, List.of(BuyCodes.builder("ez",
                new ProgressReport(ez, out), journal).owner("demo-instance-3").build()), Waiting.real(),
                Duration.ofMinutes(2), "demo-instance-3");
        PurchaseResult recovered = recovery.runOnce().stream().filter(r -> r.reference().equals(request.reference()))
                .findFirst().orElse(null);
        int orders = sims.ez().ordersWithReference(request.reference().value());
        check("EZ purchase " + request.reference() + " interrupted mid-way, recovered from the journal by another instance",
                recovered instanceof PurchaseResult.Delivered && orders == 1,
                (recovered == null ? "not recovered" : describe(recovered)) + ", " + orders + " order(s) with this reference"
                        + String.format(Locale.ROOT, " in %d ms", (System.nanoTime() - start) / 1_000_000));
    }

    private void purchase(String name, Supplier<PurchaseResult> buy) {
        long start = System.nanoTime();
        PurchaseResult result = buy.get();
        check(name, result instanceof PurchaseResult.Delivered,
                describe(result) + String.format(Locale.ROOT, " in %d ms", (System.nanoTime() - start) / 1_000_000));
    }

    private static String describe(PurchaseResult result) {
        if (result instanceof PurchaseResult.Delivered d) {
            return d.order().id() + " " + d.order().status() + ", " + describe(d.codes());
        }
        if (result instanceof PurchaseResult.PartiallyDelivered p) {
            return p.order().id() + " " + describe(p.codes()) + ", missing " + p.missing();
        }
        return result instanceof PurchaseResult.Failed f ? "failed: " + f.reason()
                : "pending: " + ((PurchaseResult.Pending) result).reason();
    }

    private static String describe(OrderCodes codes) {
        List<String> masked = codes.delivered().stream().map(Sandbox::mask).toList();
        return codes.delivered().size() + " code(s) delivered " + masked;
    }

    private static String mask(DeliveredCode code) {
        return code.code().orElse(code.pin()).orElse(code.redeemLink()).map(Secret::masked).getOrElse("-");
    }

    private <T> void step(String name, Supplier<Either<ProviderFailure, T>> call, Function<T, String> show) {
        long start = System.nanoTime();
        Either<ProviderFailure, T> result = call.get();
        check(name, result.isRight(), result.fold(f -> f.getClass().getSimpleName() + ": " + f.message(), show)
                + String.format(Locale.ROOT, " (%d ms)", (System.nanoTime() - start) / 1_000_000));
    }

    private void check(String name, boolean ok, String detail) {
        if (!ok) {
            failures++;
        }
        out.println((ok ? "  ok    " : "  FAIL  ") + name + " — " + detail);
    }
}
