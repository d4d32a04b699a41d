package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.fake.SharedOrderReferenceStore;
import io.voucherport.testkit.journal.InMemoryPurchaseJournal;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Many purchases through the buy-exactly-once use case against the EZ and GiftHub simulators,
 * with faults before the simulator commits, after it commits but before the answer ("commit then
 * drop"), during polling, and process restarts that resume by reference. Seeded (the seed is
 * printed; {@code -Dvoucherport.chaos.seed=…} replays a run); {@code -Dvoucherport.chaos.purchases=10000}
 * is the full size. Asserts: no reference bought twice, every committed order ends delivered (or,
 * for a GiftHub order whose confirmation never arrived, pending and unpaid), and no code lost.
 */
class ExactlyOnceChaosTest {

    private static final int PURCHASES = Integer.getInteger("voucherport.chaos.purchases", 300);
    private static final long SEED = Long.getLong("voucherport.chaos.seed", System.nanoTime());


    private record Purchase(boolean ez, OrderRequest request) {
    }

    private final Random random = new Random(SEED);
    private final ManualClock clock = new ManualClock();
    private final Waiting waiting = new Waiting(clock, clock::advance,
            (d, step) -> step.run(), random::nextDouble);
    private final PollingPolicy policy = PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(30));
    private final InMemoryPurchaseJournal journal = new InMemoryPurchaseJournal();
    private final OrderReferenceStore durableStore = new SharedOrderReferenceStore();   // plays a durable store: survives "restarts"
    private final Map<String, Integer> faults = new LinkedHashMap<>();
    private int restarts;

    @Test
    void noReferenceIsEverBoughtTwiceAndNoCodeIsLost() throws IOException {
        System.out.printf("ExactlyOnceChaosTest: %d purchases, seed %d (-Dvoucherport.chaos.seed=%d replays)%n",
                PURCHASES, SEED, SEED);
        try (EzSimulator ez = EzSimulator.create().withSampleData().balance("USD", "1000000000").asyncPolls(2);
                GiftHubSimulator gh = GiftHubSimulator.create().withSampleData()
                        .wallet("EUR", "1000000000", "0", "0").pollsToComplete(2);
                SharedHttpClient http = SharedHttpClient.create()) {
            ez.start();
            gh.start();
            List<Purchase> purchases = new ArrayList<>();
            Map<Purchase, PurchaseResult> results = new LinkedHashMap<>();
            Instances instances = new Instances(ez, gh, http);
            for (int i = 0; i < PURCHASES; i++) {
                boolean toEz = random.nextBoolean();
                OrderRequest request = BuyCodes.prepare(List.of(toEz
                        ? OrderLine.of(random.nextBoolean() ? "8PX-UF-Y5U" : "AMZ-US-25", 1 + random.nextInt(3))
                        : OrderLine.of(random.nextBoolean() ? "STEAM-EU-20" : "PSN-UK-10", 1 + random.nextInt(3))),
                        Option.none());
                Purchase purchase = new Purchase(toEz, request);
                purchases.add(purchase);
                injectFault(toEz, ez, gh);
                PurchaseResult result;
                if (random.nextInt(100) < 10) {
                    restarts++;
                    Instances restarted = new Instances(ez, gh, http);
                    result = crashAndResume(purchase, instances, restarted);
                    instances = restarted;
                } else {
                    result = instances.buyer(toEz).buy(request);
                }
                results.put(purchase, result);
                ez.clearFaults();
                gh.clearFaults();
            }

            // the end of the day: the suppliers finish their work; pending purchases are resumed by reference
            ez.fulfilPending();
            gh.fulfilPending();
            Instances after = new Instances(ez, gh, http);
            int resumed = 0;
            for (Map.Entry<Purchase, PurchaseResult> e : results.entrySet()) {
                if (!(e.getValue() instanceof PurchaseResult.Delivered)) {
                    resumed++;
                    e.setValue(after.buyer(e.getKey().ez()).resume(e.getKey().request()));
                }
            }

            int duplicates = 0;
            int lost = 0;
            int unpaidPending = 0;
            int codes = 0;
            Set<String> delivered = new HashSet<>();
            Set<String> known = new HashSet<>(ez.deliveredSecrets());
            known.addAll(gh.deliveredSecrets());
            for (Map.Entry<Purchase, PurchaseResult> e : results.entrySet()) {
                String reference = e.getKey().request().reference().value();
                int bought = e.getKey().ez() ? ez.ordersWithReference(reference) : gh.purchasesWithReference(reference);
                if (bought > 1) {
                    duplicates++;
                }
                PurchaseResult result = e.getValue();
                if (result instanceof PurchaseResult.Delivered d) {
                    int ordered = e.getKey().request().totalQuantity();
                    List<DeliveredCode> got = d.codes().delivered();
                    codes += got.size();
                    for (DeliveredCode code : got) {
                        String secret = code.code().orElse(code.pin()).get().reveal();
                        if (!delivered.add(secret) || !known.contains(secret)) {
                            lost++;
                        }
                    }
                    if (got.size() != ordered || bought != 1) {
                        lost++;
                    }
                } else if (bought > 0) {
                    lost++;   // a committed purchase must end delivered
                } else {
                    unpaidPending++;
                    assertThat(e.getKey().ez()).as("only GiftHub orders may stay unconfirmed: %s", result).isFalse();
                }
            }
            String figures = String.format(Locale.ROOT, "| purchases | faults injected | restarts | resumed at the end |"
                    + " codes delivered | duplicates | lost | unconfirmed (unpaid) |%n|---|---|---|---|---|---|---|---|%n"
                    + "| %d | %d %s | %d | %d | %d | %d | %d | %d |%n", PURCHASES,
                    faults.values().stream().mapToInt(Integer::intValue).sum(), faults, restarts, resumed, codes,
                    duplicates, lost, unpaidPending);
            System.out.print(figures);
            if (Boolean.getBoolean("voucherport.writeDocs")) {
                writeFigures(figures);
            }
            assertThat(duplicates).as("references bought twice (seed %d)", SEED).isZero();
            assertThat(lost).as("codes or purchases lost (seed %d)", SEED).isZero();
            assertThat(codes).isPositive();
        }
    }

    /** The adapters and use cases of one process; a restart builds new ones (the reference store is durable). */
    private final class Instances {
        final BuyCodes ezBuyer;
        final BuyCodes ghBuyer;
        final CodeSupplier ezSupplier;
        final CodeSupplier ghSupplier;

        Instances(EzSimulator ez, GiftHubSimulator gh, SharedHttpClient http) {
            RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);
            ezSupplier = EzCardsSupplier.builder().baseUrl(ez.baseUrl()).apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY))
                    .bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN)).httpClient(http)
                    .readTimeout(Duration.ofMillis(300)).retryPolicy(retries).sleeper(d -> { }).build();
            ghSupplier = GiftHubSupplier.builder().baseUrl(gh.baseUrl())
                    .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                    .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET)).httpClient(http)
                    .references(durableStore).readTimeout(Duration.ofMillis(300)).retryPolicy(retries)
                    .sleeper(d -> { }).build();
            ezBuyer = BuyCodes.builder("ez", ezSupplier, journal).policy(policy).waiting(waiting).build();
            ghBuyer = BuyCodes.builder("gifthub", ghSupplier, journal).policy(policy).waiting(waiting).build();
        }

        BuyCodes buyer(boolean ez) {
            return ez ? ezBuyer : ghBuyer;
        }
    }

    /** The process dies after sending the purchase (or while waiting); a new process resumes by reference. */
    private PurchaseResult crashAndResume(Purchase purchase, Instances before, Instances after) {
        CodeSupplier supplier = purchase.ez() ? before.ezSupplier : before.ghSupplier;
        if (random.nextBoolean()) {
            supplier.place(purchase.request());
        } else {
            BuyCodes.builder(purchase.ez() ? "ez" : "gifthub", supplier, journal).policy(policy.deadline(Duration.ZERO))
                    .waiting(waiting).build().buy(purchase.request());
        }
        return after.buyer(purchase.ez()).resume(purchase.request());
    }

    private void injectFault(boolean toEz, EzSimulator ez, GiftHubSimulator gh) {
        int roll = random.nextInt(100);
        String kind;
        if (roll < 40) {
            return;
        } else if (roll < 55) {
            kind = "before commit";
            if (toEz) {
                ez.inject(EzSimulator.Endpoint.CREATE_INSTANT_ORDER, SimFault.connectionReset());
                ez.inject(EzSimulator.Endpoint.CREATE_BULK_ORDER, SimFault.connectionReset());
            } else {
                gh.inject(random.nextBoolean() ? GiftHubSimulator.Endpoint.CREATE_ORDER
                        : GiftHubSimulator.Endpoint.CONFIRM_ORDER, SimFault.connectionReset());
            }
        } else if (roll < 75) {
            kind = "commit then drop";
            if (toEz) {
                ez.inject(EzSimulator.Endpoint.CREATE_INSTANT_ORDER, SimFault.commitThenDrop());
                ez.inject(EzSimulator.Endpoint.CREATE_BULK_ORDER, SimFault.commitThenDrop());
            } else {
                gh.inject(random.nextBoolean() ? GiftHubSimulator.Endpoint.CREATE_ORDER
                        : GiftHubSimulator.Endpoint.CONFIRM_ORDER, SimFault.commitThenDrop());
            }
        } else if (roll < 97) {
            kind = "during polling";
            SimFault fault = random.nextBoolean() ? SimFault.connectionReset() : SimFault.unavailable(0);
            if (toEz) {
                ez.inject(random.nextBoolean() ? EzSimulator.Endpoint.GET_ORDERS : EzSimulator.Endpoint.GET_CODES, fault);
            } else {
                gh.inject(GiftHubSimulator.Endpoint.GET_ORDER, fault);
            }
        } else {
            kind = "timeout after commit";
            SimFault slow = SimFault.delay(Duration.ofMillis(600));
            if (toEz) {
                ez.inject(EzSimulator.Endpoint.CREATE_INSTANT_ORDER, slow);
                ez.inject(EzSimulator.Endpoint.CREATE_BULK_ORDER, slow);
            } else {
                gh.inject(GiftHubSimulator.Endpoint.CONFIRM_ORDER, slow);
            }
        }
        faults.merge(kind, 1, Integer::sum);
    }

    private static void writeFigures(String figures) throws IOException {
        String begin = "<!-- chaos:begin (written by ExactlyOnceChaosTest) -->";
        String end = "<!-- chaos:end -->";
        String doc = Files.readString(FaultMatrixTest.DOC);
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        Files.writeString(FaultMatrixTest.DOC, doc.substring(0, from) + begin + "\n\nSeed " + SEED + ":\n\n" + figures
                + "\n" + doc.substring(to));
    }
}
