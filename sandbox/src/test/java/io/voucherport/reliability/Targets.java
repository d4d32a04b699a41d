package io.voucherport.reliability;

import io.vavr.control.Option;
import io.voucherport.adapter.discounts.AccessTokenProvider;
import io.voucherport.adapter.discounts.ShoplazzaDiscounts;
import io.voucherport.adapter.discounts.ShoplazzaVersion;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.promotions.ElasticPathPromotions;
import io.voucherport.adapter.support.AdapterBuilder;
import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCodeId;
import io.voucherport.domain.discount.DiscountValue;
import io.voucherport.domain.discount.NewDiscountCode;
import io.voucherport.domain.discount.PriceRuleDraft;
import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.domain.discount.UsageLimit;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.sim.Simulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Every endpoint of every adapter, against started simulators, with the matrix's settings. */
final class Targets implements AutoCloseable {

    /** Safe reads: two attempts in all, no real waiting. */
    static final RetryPolicy RETRIES = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofSeconds(5));

    final EzSimulator ez = EzSimulator.create().withSampleData().asyncPolls(1_000_000);
    final GiftHubSimulator gifthub = GiftHubSimulator.create().withSampleData().pollsToComplete(1_000_000);
    final ElasticPathSimulator elasticPath = ElasticPathSimulator.create().withSampleData();
    final ShoplazzaSimulator shoplazza = ShoplazzaSimulator.create().withSampleData().bucket(1_000_000, 1_000_000);
    private final SharedHttpClient http = SharedHttpClient.create();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    final List<Target> all = new ArrayList<>();

    Targets() {
        ez.start();
        gifthub.start();
        elasticPath.start();
        shoplazza.start();
        ezTargets();
        giftHubTargets();
        elasticPathTargets();
        shoplazzaTargets();
    }

    private <B extends AdapterBuilder<B>> B common(B builder) {
        return builder.readTimeout(Fault.READ_TIMEOUT_SETTING).retryPolicy(RETRIES).sleeper(d -> { })
                .maxResponseBytes(Fault.SIZE_LIMIT).httpClient(http);
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private String next(String prefix) {
        return prefix + counter.incrementAndGet();
    }

    private <E extends Enum<E>> void add(String adapter, Simulator<E> sim, E endpoint, boolean safe, int authStatus,
            boolean renews, Supplier<io.vavr.control.Either<io.voucherport.domain.failure.ProviderFailure, ?>> call) {
        all.add(new Target(adapter, endpoint.name(), safe, authStatus, renews, f -> sim.inject(endpoint, f),
                () -> sim.requests(endpoint), sim::clearFaults, call));
    }

    private EzCardsSupplier ez() {
        return keep(common(EzCardsSupplier.builder()).baseUrl(ez.baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).build());
    }

    private void ezTargets() {
        EzCardsSupplier s = ez();
        SupplierOrder order = s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("AMZ-US-25", 2))).get();
        String a = "EZ";
        add(a, ez, EzSimulator.Endpoint.CREATE_INSTANT_ORDER, false, 401, false,
                () -> s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("8PX-UF-Y5U", 1))));
        add(a, ez, EzSimulator.Endpoint.CREATE_BULK_ORDER, false, 401, false,
                () -> s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("AMZ-US-25", 2))));
        add(a, ez, EzSimulator.Endpoint.GET_ORDERS, true, 401, false, () -> s.findOrder(order.id()));
        add(a, ez, EzSimulator.Endpoint.GET_CODES, true, 401, false, () -> s.fetchCodes(order.id()));
        add(a, ez, EzSimulator.Endpoint.GET_PRODUCTS, true, 401, false, () -> s.catalog().toList());
        add(a, ez, EzSimulator.Endpoint.GET_BALANCES, true, 401, false, s::balances);
        add(a, ez, EzSimulator.Endpoint.GET_EXCHANGE_RATES, true, 401, false, () -> s.exchangeRates(List.of()));
    }

    private GiftHubSupplier gifthub() {
        return keep(common(GiftHubSupplier.builder()).baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory()).build());
    }

    private void giftHubTargets() {
        GiftHubSupplier s = gifthub();
        SupplierOrder order = s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("STEAM-EU-20", 1))).get();
        s.catalog().toList().get();
        String a = "GiftHub";
        add(a, gifthub, GiftHubSimulator.Endpoint.AUTH_JWT, true, 403, false, () -> {
            try (GiftHubSupplier fresh = common(GiftHubSupplier.builder()).baseUrl(gifthub.baseUrl())
                    .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                    .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory()).build()) {
                return fresh.balances();
            }
        });
        add(a, gifthub, GiftHubSimulator.Endpoint.LIST_PRODUCTS, true, 403, true, () -> s.catalog().toList());
        add(a, gifthub, GiftHubSimulator.Endpoint.GET_PRODUCT, true, 403, true, () -> s.product("p-steam-eu"));
        add(a, gifthub, GiftHubSimulator.Endpoint.CUSTOMER_INFO, true, 403, true, s::balances);
        add(a, gifthub, GiftHubSimulator.Endpoint.CREATE_ORDER, false, 403, true,
                () -> s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("STEAM-EU-20", 1))));
        add(a, gifthub, GiftHubSimulator.Endpoint.CONFIRM_ORDER, false, 403, true,
                () -> s.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("STEAM-EU-20", 1))));
        add(a, gifthub, GiftHubSimulator.Endpoint.GET_ORDER, true, 403, true, () -> s.findOrder(order.id()));
    }

    private ElasticPathPromotions elasticPath() {
        return keep(common(ElasticPathPromotions.builder()).baseUrl(elasticPath.baseUrl())
                .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET)).requestsPerSecond(0).build());
    }

    private void elasticPathTargets() {
        ElasticPathPromotions p = elasticPath();
        PromotionId summer = PromotionId.of("std-summer");
        PromotionId exports = PromotionId.of("std-empty");
        CodeJob job = p.startCodeExport(exports).get();
        while (!p.job(exports, job.id()).get().status().isTerminal()) {
            Thread.onSpinWait();
        }
        String a = "ElasticPath";
        add(a, elasticPath, ElasticPathSimulator.Endpoint.TOKEN, true, 401, false, () -> {
            try (ElasticPathPromotions fresh = common(ElasticPathPromotions.builder()).baseUrl(elasticPath.baseUrl())
                    .clientId(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_ID))
                    .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET)).requestsPerSecond(0).build()) {
                return fresh.promotion(summer);
            }
        });
        add(a, elasticPath, ElasticPathSimulator.Endpoint.LIST_PROMOTIONS, true, 401, true, () -> p.promotions().toList());
        add(a, elasticPath, ElasticPathSimulator.Endpoint.GET_PROMOTION, true, 401, true, () -> p.promotion(summer));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.LIST_CODES, true, 401, true, () -> p.codes(summer).toList());
        add(a, elasticPath, ElasticPathSimulator.Endpoint.CREATE_CODES, false, 401, true,
                () -> p.createCodes(summer, List.of(NewPromotionCode.of(CodeText.of(next("MATRIX"))))));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.DELETE_CODES, false, 401, true,
                () -> p.deleteCodes(summer, List.of(CodeText.of(String.format("STDSUMMER-%06d", 100 + counter.incrementAndGet())))));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.DELETE_CODE, false, 401, true,
                () -> p.deleteCode(summer, CodeText.of(String.format("STDSUMMER-%06d", 100 + counter.incrementAndGet()))));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.CREATE_JOB, false, 401, true, () -> {
            String id = next("matrix-job-");
            elasticPath.promotion(id, false, "Job " + id, 0);
            return p.startCodeExport(PromotionId.of(id));
        });
        add(a, elasticPath, ElasticPathSimulator.Endpoint.LIST_JOBS, true, 401, true, () -> p.job(exports, job.id()));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.CANCEL_JOB, false, 401, true, () -> p.cancelJob(exports, job.id()));
        add(a, elasticPath, ElasticPathSimulator.Endpoint.JOB_FILE, true, 401, true, () -> p.exportFile(exports, job.id()));
    }

    private void shoplazzaTargets() {
        ShoplazzaDiscounts s = keep(common(ShoplazzaDiscounts.builder()).storeUrl(shoplazza.baseUrl())
                .version(ShoplazzaVersion.V2025_06)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                .rateLimiter(new RateLimiter(1_000_000, 1_000_000, System::nanoTime, Sleeper.THREAD)).build());
        String rule = shoplazza.rule("Matrix", "percentage", "10", 100, null);
        String code = shoplazza.code(rule, "MATRIXCODE", 1);
        PriceRuleId ruleId = PriceRuleId.of(rule);
        PriceRuleDraft draft = new PriceRuleDraft("Matrix rule", new DiscountValue.Percentage(BigDecimal.TEN),
                UsageLimit.of(10), Instant.parse("2026-01-01T00:00:00Z"), Option.none());
        String a = "Shoplazza";
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.LIST_RULES, true, 401, false, () -> s.list().toList());
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.CREATE_RULE, false, 401, false, () -> s.create(draft));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.GET_RULE, true, 401, false, () -> s.get(ruleId));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.UPDATE_RULE, false, 401, false, () -> s.update(ruleId, draft));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.DELETE_RULE, false, 401, false,
                () -> s.delete(PriceRuleId.of(shoplazza.rule("Doomed", "percentage", "5", -1, null))));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.LIST_CODES, true, 401, false, () -> s.list(ruleId).toList());
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.CREATE_CODE, false, 401, false,
                () -> s.create(ruleId, new NewDiscountCode(next("MX"))));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.BATCH_CREATE_CODES, false, 401, false,
                () -> s.createAll(ruleId, List.of(new NewDiscountCode(next("MB")), new NewDiscountCode(next("MB")))));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.GET_CODE, true, 401, false,
                () -> s.get(ruleId, DiscountCodeId.of(code)));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.UPDATE_CODE, false, 401, false,
                () -> s.update(ruleId, DiscountCodeId.of(code), new NewDiscountCode(next("MU"))));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.DELETE_CODE, false, 401, false,
                () -> s.delete(ruleId, DiscountCodeId.of(shoplazza.code(rule, next("MD"), 0))));
        add(a, shoplazza, ShoplazzaSimulator.Endpoint.LOOKUP_CODE, true, 401, false, () -> s.lookup("MATRIXCODE"));
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing test adapters
            }
        }
        http.close();
        ez.close();
        gifthub.close();
        elasticPath.close();
        shoplazza.close();
    }
}
