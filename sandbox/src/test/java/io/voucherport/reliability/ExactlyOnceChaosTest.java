package io.voucherport.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.adapter.ez.EzCardsSupplier;
import io.voucherport.adapter.giftcard.GiftHubSupplier;
import io.voucherport.adapter.jdbc.JdbcOrderReferenceStore;
import io.voucherport.adapter.jdbc.JdbcPurchaseJournal;
import io.voucherport.adapter.jdbc.JdbcSchema;
import io.voucherport.adapter.support.RetryPolicy;
import io.voucherport.adapter.support.SharedHttpClient;
import io.voucherport.application.purchase.BuyCodes;
import io.voucherport.application.purchase.PollingPolicy;
import io.voucherport.application.purchase.RecoverPurchases;
import io.voucherport.application.purchase.PurchaseResult;
import io.voucherport.application.purchase.BuyFromSuppliers;
import io.voucherport.application.purchase.Waiting;
import io.voucherport.domain.Secret;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.sandbox.SandboxAccess;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.fake.ForwardingCodeSupplier;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.journal.ForwardingPurchaseJournal;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Many purchases by <b>two service instances</b> — each with its own adapters, use cases and
 * recovery loop — sharing one PostgreSQL journal and GiftHub reference store, racing on
 * overlapping references, through {@code BuyCodes} and through a {@code BuyFromSuppliers} across EZ
 * and GiftHub. The suppliers' lookups lag (an eventually consistent index) and up to three faults
 * hit one purchase: a reset before the commit, a commit whose answer is lost, a first request
 * still in flight when the lookup arrives, refusals of the re-placement (429, 403, insufficient
 * funds), answers without quantities or with a SKU missing, faults while polling, and crashes of
 * an instance after any journal write, between GiftHub's create, bind and confirm, or right after
 * the supplier accepted. A crashed instance is replaced by a new one; its purchases are taken over
 * by recovery once its lease runs out.
 *
 * <p>Verified at the suppliers' side, across both: at most one paid order per reference; every
 * paid order is the journal's order for that reference and its codes reached the caller, each
 * code for one reference only; nothing reported "nothing bought" was bought; and at the end the
 * journal and the suppliers reconcile (no purchase left open). Seeded (the seed is printed;
 * {@code -Dvoucherport.chaos.seed=…} replays the faults, while the two instances' interleaving
 * varies); {@code -Dvoucherport.chaos.purchases=10000} is the full size.
 */
class ExactlyOnceChaosTest {

    private static final int PURCHASES = Integer.getInteger("voucherport.chaos.purchases", 300);
    private static final long SEED = Long.getLong("voucherport.chaos.seed", System.nanoTime());
    private static final int INSTANCES = 2;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration EZ_LAG = Duration.ofSeconds(5);
    private static final Duration GH_LAG = Duration.ofSeconds(3);
    private static final Duration IN_FLIGHT = Duration.ofSeconds(6);
    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final Map<Sku, Sku> EZ_SKUS = Map.of(Sku.of("GAME-A"), Sku.of("8PX-UF-Y5U"), Sku.of("GAME-B"),
            Sku.of("AMZ-US-25"));
    private static final Map<Sku, Sku> GH_SKUS = Map.of(Sku.of("GAME-A"), Sku.of("STEAM-EU-20"), Sku.of("GAME-B"),
            Sku.of("PSN-UK-10"));

    /** Where a purchase is sent: straight to one supplier's {@code BuyCodes}, or through the directory. */
    private enum Route { EZ, GIFTHUB, DIRECTORY_EZ_FIRST, DIRECTORY_GIFTHUB_FIRST }

    private record Plan(OrderReference reference, List<OrderLine> lines, Route route, List<String> faults,
            Option<Crash.Point> crash) {
    }

    private final ManualClock clock = new ManualClock();
    private final Map<String, Integer> faults = new TreeMap<>();
    private final Map<OrderReference, List<PurchaseResult>> results = new ConcurrentHashMap<>();
    private final AtomicInteger restarts = new AtomicInteger();
    private final AtomicInteger instanceNames = new AtomicInteger();

    @Test
    void noReferenceIsEverBoughtTwiceAndNoPaidOrderIsLost() throws Exception {
        System.out.printf("ExactlyOnceChaosTest: %d purchases, %d instances, seed %d (-Dvoucherport.chaos.seed=%d"
                + " replays the faults)%n", PURCHASES, INSTANCES, SEED, SEED);
        DataSource db = SandboxAccess.database().dataSource();
        String schema = "chaos_" + Long.toUnsignedString(SEED, 36).replace('-', '_');
        JdbcSchema.createIfMissing(db, schema);
        JdbcPurchaseJournal journal = JdbcPurchaseJournal.builder(db).schema(schema).build();
        OrderReferenceStore references = JdbcOrderReferenceStore.builder(db).schema(schema).build();
        try (EzSimulator ez = EzSimulator.create().withSampleData().balance("USD", "1000000000").asyncPolls(2)
                        .clock(clock).lookupLag(EZ_LAG);
                GiftHubSimulator gh = GiftHubSimulator.create().withSampleData().clock(clock).lookupLag(GH_LAG)
                        .orderLifetime(Duration.ofMinutes(5)).wallet("EUR", "1000000000", "0", "0").pollsToComplete(2);
                SharedHttpClient http = SharedHttpClient.create()) {
            ez.start();
            gh.start();
            Random random = new Random(SEED);
            ConcurrentLinkedQueue<Plan> queue = new ConcurrentLinkedQueue<>();
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < PURCHASES; i++) {
                Plan plan = plan(random);
                plans.add(plan);
                queue.add(plan);
                if (random.nextInt(100) < 10) {   // the other instance is asked for the same purchase at once
                    queue.add(new Plan(plan.reference(), plan.lines(), plan.route(), List.of(), Option.none()));
                }
            }
            Env env = new Env(ez, gh, http, journal, references);
            List<Thread> workers = new ArrayList<>();
            List<Throwable> unexpected = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < INSTANCES; i++) {
                Thread worker = new Thread(() -> work(env, queue), "instance-slot-" + i);
                worker.setUncaughtExceptionHandler((t, e) -> unexpected.add(e));
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(unexpected).as("nothing escapes the use cases").isEmpty();

            // the end of the day: requests in flight land, the suppliers finish, a last instance recovers the rest
            ez.awaitLateCommits(Duration.ofSeconds(10));
            gh.awaitLateCommits(Duration.ofSeconds(10));
            ez.fulfilPending();
            gh.fulfilPending();
            clock.advance(Duration.ofMinutes(10));
            Instance closer = new Instance(env);
            int resumed = 0;
            for (int pass = 0; pass < 10 && !journal.unfinished(1).isEmpty(); pass++) {
                List<PurchaseResult> recovered = closer.recovery.runOnce();
                resumed += recovered.size();
                recovered.forEach(this::record);
                clock.advance(Duration.ofMinutes(1));
            }

            // callers that never saw a final answer (their instance died) ask again by reference
            for (Plan plan : plans) {
                boolean answered = results.getOrDefault(plan.reference(), List.of()).stream()
                        .anyMatch(r -> !(r instanceof PurchaseResult.Pending));
                Option<JournaledPurchase> journaled = journal.find(plan.reference());
                if (!answered && journaled.isDefined()) {
                    BuyCodes buyer = journaled.get().supplier().equals("ez") ? closer.ezBuyer : closer.ghBuyer;
                    record(buyer.resume(journaled.get().request()));
                    resumed++;
                }
            }

            Verdict verdict = verify(plans, journal, ez, gh);
            String figures = String.format(Locale.ROOT, "| purchases | instances | faults injected | crashes and restarts"
                    + " | recovered or resumed at the end | codes delivered | paid orders | double purchases | lost paid orders"
                    + " | left open | unpaid (never confirmed) |%n|---|---|---|---|---|---|---|---|---|---|---|%n"
                    + "| %d | %d | %d %s | %d | %d | %d | %d | %d | %d | %d | %d |%n", PURCHASES, INSTANCES,
                    faults.values().stream().mapToInt(Integer::intValue).sum(), faults, restarts.get(), resumed,
                    verdict.codes, verdict.paid, verdict.duplicates, verdict.lost, verdict.open, verdict.unpaid);
            System.out.print(figures);
            verdict.problems.stream().limit(20).forEach(p -> System.out.println("  problem: " + p));
            if (Boolean.getBoolean("voucherport.writeDocs")) {
                writeFigures(figures);
            }
            assertThat(verdict.duplicates).as("references bought twice (seed %d): %s", SEED, verdict.problems).isZero();
            assertThat(verdict.lost).as("paid orders lost (seed %d): %s", SEED, verdict.problems).isZero();
            assertThat(verdict.open).as("purchases left open (seed %d): %s", SEED, verdict.problems).isZero();
            assertThat(verdict.problems).as("seed %d", SEED).isEmpty();
            assertThat(verdict.codes).isPositive();
        }
    }

    // ---------------------------------------------------------------- plans and faults

    private Plan plan(Random random) {
        List<OrderLine> lines = new ArrayList<>();
        lines.add(OrderLine.of("GAME-A", 1 + random.nextInt(3)));
        if (random.nextInt(100) < 30) {
            lines.add(OrderLine.of("GAME-B", 1 + random.nextInt(2)));
        }
        Route route = Route.values()[random.nextInt(Route.values().length)];
        int roll = random.nextInt(100);
        int count = roll < 30 ? 0 : roll < 65 ? 1 : roll < 88 ? 2 : 3;
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chosen.add(FAULTS.get(random.nextInt(FAULTS.size())));
        }
        Option<Crash.Point> crash = Option.none();
        if (random.nextInt(100) < 12) {
            Crash.Point[] points = Crash.Point.values();
            crash = Option.some(points[random.nextInt(points.length)]);
        }
        return new Plan(OrderReference.generate(), List.copyOf(lines), route, List.copyOf(chosen), crash);
    }

    private static final List<String> FAULTS = List.of("reset before commit", "commit then drop", "still in flight",
            "re-placement refused", "first supplier refuses", "short answer", "during polling", "timeout after commit");

    /**
     * Queues the plan's faults at the supplier its route tries first (at the second one when the
     * first is to refuse), on the endpoints that purchase will call, so that few are left over for
     * later purchases.
     */
    private void inject(Plan plan, EzSimulator ez, GiftHubSimulator gh, Random random) {
        boolean ezFirst = plan.route() == Route.EZ || plan.route() == Route.DIRECTORY_EZ_FIRST;
        boolean fallsBack = plan.faults().contains("first supplier refuses")
                && (plan.route() == Route.DIRECTORY_EZ_FIRST || plan.route() == Route.DIRECTORY_GIFTHUB_FIRST);
        boolean toEz = ezFirst != fallsBack;
        boolean toGh = !toEz;
        EzSimulator.Endpoint ezCreate = plan.lines().size() == 1 && plan.lines().get(0).quantity() == 1
                ? EzSimulator.Endpoint.CREATE_INSTANT_ORDER : EzSimulator.Endpoint.CREATE_BULK_ORDER;
        for (String fault : plan.faults()) {
            count(fault);
            switch (fault) {
                case "reset before commit" -> {
                    ezCreate(ez, toEz, ezCreate, SimFault.connectionReset());
                    ghWrite(gh, toGh, random, SimFault.connectionReset());
                }
                case "commit then drop" -> {
                    ezCreate(ez, toEz, ezCreate, SimFault.commitThenDrop());
                    ghWrite(gh, toGh, random, SimFault.commitThenDrop());
                }
                case "still in flight" -> {
                    ezCreate(ez, toEz, ezCreate, SimFault.commitLater(Duration.ofSeconds(2), IN_FLIGHT));
                    if (toGh) {
                        gh.inject(GiftHubSimulator.Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofSeconds(2), IN_FLIGHT));
                    }
                }
                case "re-placement refused" -> {
                    SimFault refusal = switch (random.nextInt(3)) {
                        case 0 -> SimFault.tooManyRequests(0);
                        case 1 -> SimFault.status(403);
                        default -> SimFault.insufficientFunds();
                    };
                    ezCreate(ez, toEz, ezCreate, SimFault.commitThenDrop());
                    ezCreate(ez, toEz, ezCreate, refusal);
                    if (toGh) {
                        gh.inject(GiftHubSimulator.Endpoint.CONFIRM_ORDER, SimFault.commitThenDrop());
                        gh.inject(GiftHubSimulator.Endpoint.CREATE_ORDER, refusal);
                    }
                }
                case "first supplier refuses" -> {
                    if (ezFirst) {
                        ezCreate(ez, true, ezCreate, SimFault.insufficientFunds());
                    } else {
                        gh.inject(GiftHubSimulator.Endpoint.CREATE_ORDER, SimFault.insufficientFunds());
                    }
                }
                case "short answer" -> {
                    SimFault shortAnswer = switch (random.nextInt(3)) {
                        case 0 -> SimFault.omitQuantities();
                        case 1 -> SimFault.dropOneSku();
                        default -> SimFault.omitQuantitiesAndDropOneSku();
                    };
                    if (toEz) {
                        ez.inject(EzSimulator.Endpoint.GET_CODES, shortAnswer);
                    }
                    if (toGh) {
                        gh.inject(GiftHubSimulator.Endpoint.GET_ORDER, shortAnswer);
                    }
                }
                case "during polling" -> {
                    SimFault poll = random.nextBoolean() ? SimFault.connectionReset() : SimFault.unavailable(0);
                    if (toEz) {
                        ez.inject(EzSimulator.Endpoint.GET_CODES, poll);
                    }
                    if (toGh) {
                        gh.inject(GiftHubSimulator.Endpoint.GET_ORDER, poll);
                    }
                }
                default -> {   // timeout after commit
                    SimFault slow = SimFault.delay(Duration.ofMillis(600));
                    ezCreate(ez, toEz, ezCreate, slow);
                    if (toGh) {
                        gh.inject(GiftHubSimulator.Endpoint.CONFIRM_ORDER, slow);
                    }
                }
            }
        }
        plan.crash().peek(point -> count("crash " + point.words));
    }

    private static void ezCreate(EzSimulator ez, boolean on, EzSimulator.Endpoint endpoint, SimFault fault) {
        if (on) {
            ez.inject(endpoint, fault);
        }
    }

    private static void ghWrite(GiftHubSimulator gh, boolean on, Random random, SimFault fault) {
        if (on) {
            gh.inject(random.nextBoolean() ? GiftHubSimulator.Endpoint.CREATE_ORDER
                    : GiftHubSimulator.Endpoint.CONFIRM_ORDER, fault);
        }
    }

    private synchronized void count(String fault) {
        faults.merge(fault, 1, Integer::sum);
    }

    private void record(PurchaseResult result) {
        results.computeIfAbsent(result.reference(), r -> Collections.synchronizedList(new ArrayList<>())).add(result);
    }

    // ---------------------------------------------------------------- instances

    /** What both instances share: the suppliers, the HTTP pool, the database. */
    private record Env(EzSimulator ez, GiftHubSimulator gh, SharedHttpClient http, PurchaseJournal journal,
            OrderReferenceStore references) {
    }

    /**
     * A process dying on the spot: nothing after it runs, no lease is released. A
     * {@link VirtualMachineError}, the one kind the library never turns into a value.
     */
    private static final class Crash extends VirtualMachineError {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the instance died on the spot");
        }

        enum Point {
            JOURNAL_WRITE("after a journal write"), BEFORE_BIND("between GiftHub's create and bind"),
            AFTER_BIND("between GiftHub's bind and confirm"), AFTER_PLACE("after the supplier accepted");

            final String words;

            Point(String words) {
                this.words = words;
            }
        }
    }

    /** When the current purchase's instance dies. */
    private static final class CrashSwitch {
        private volatile Crash.Point armed;
        private volatile int writesLeft;

        void arm(Option<Crash.Point> point, Random random) {
            armed = point.getOrNull();
            writesLeft = 1 + random.nextInt(6);
        }

        void at(Crash.Point point) {
            if (armed == point && (point != Crash.Point.JOURNAL_WRITE || --writesLeft == 0)) {
                armed = null;
                throw new Crash();
            }
        }
    }

    /** One service instance: its own adapters, use cases and recovery, over the shared journal and store. */
    private final class Instance {
        final String name = "instance-" + instanceNames.incrementAndGet();
        final CrashSwitch crash = new CrashSwitch();
        final BuyCodes ezBuyer;
        final BuyCodes ghBuyer;
        final BuyFromSuppliers directory;
        final RecoverPurchases recovery;

        Instance(Env env) {
            RetryPolicy retries = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ZERO);
            Waiting waiting = new Waiting(clock, clock::advance, (d, step) -> step.run(), () -> 0.5);
            PurchaseJournal journal = new CrashingJournal(env.journal(), crash);
            CodeSupplier ez = new CrashingSupplier(EzCardsSupplier.builder().baseUrl(env.ez().baseUrl())
                    .apiKey(Secret.of(EzSimulator.DEFAULT_API_KEY)).bearerToken(Secret.of(EzSimulator.DEFAULT_BEARER_TOKEN))
                    .httpClient(env.http()).readTimeout(Duration.ofMillis(300)).retryPolicy(retries).sleeper(d -> { })
                    .build(), crash);
            CodeSupplier gh = new CrashingSupplier(GiftHubSupplier.builder().baseUrl(env.gh().baseUrl())
                    .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                    .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET)).httpClient(env.http())
                    .references(new CrashingStore(env.references(), crash)).clock(clock)
                    .readTimeout(Duration.ofMillis(300)).retryPolicy(retries).sleeper(d -> { }).build(), crash);
            PollingPolicy policy = PollingPolicy.DEFAULT.deadline(Duration.ofSeconds(40));
            ezBuyer = BuyCodes.builder("ez", ez, journal).policy(policy).waiting(waiting).settleTime(SETTLE)
                    .lease(LEASE).owner(name).build();
            ghBuyer = BuyCodes.builder("gifthub", gh, journal).policy(policy).waiting(waiting).settleTime(SETTLE)
                    .lease(LEASE).owner(name).build();
            directory = BuyFromSuppliers.builder(journal, policy, waiting).owner(name).lease(LEASE)
                    .buyer(ezBuyer, EZ_SKUS).buyer(ghBuyer, GH_SKUS).build();
            recovery = new RecoverPurchases(journal, List.of(ezBuyer, ghBuyer), waiting, LEASE, name);
        }

        PurchaseResult buy(Plan plan) {
            return switch (plan.route()) {
                case EZ -> ezBuyer.buy(new OrderRequest(plan.reference(), mapped(plan.lines(), EZ_SKUS), Option.none()));
                case GIFTHUB -> ghBuyer.buy(new OrderRequest(plan.reference(), mapped(plan.lines(), GH_SKUS),
                        Option.none()));
                case DIRECTORY_EZ_FIRST -> directory.buy(plan.reference(), plan.lines(), Option.none(),
                        List.of("ez", "gifthub")).result();
                case DIRECTORY_GIFTHUB_FIRST -> directory.buy(plan.reference(), plan.lines(), Option.none(),
                        List.of("gifthub", "ez")).result();
            };
        }
    }

    private static List<OrderLine> mapped(List<OrderLine> lines, Map<Sku, Sku> skus) {
        return lines.stream().map(l -> new OrderLine(skus.get(l.sku()), l.quantity(), l.faceValue())).toList();
    }

    /** One instance slot: takes purchases off the queue; when its instance crashes, a new one starts. */
    private void work(Env env, ConcurrentLinkedQueue<Plan> queue) {
        Random random = new Random(SEED ^ Thread.currentThread().getName().hashCode());
        Instance instance = new Instance(env);
        int done = 0;
        Plan plan;
        while ((plan = queue.poll()) != null) {
            try {
                if (++done % 8 == 0) {
                    instance.recovery.runOnce().forEach(this::record);
                }
                if (done % 25 == 0) {   // faults nobody's request met (a reroute, a crash) do not pile up
                    env.ez().clearFaults();
                    env.gh().clearFaults();
                }
                inject(plan, env.ez(), env.gh(), random);
                instance.crash.arm(plan.crash(), random);
                long started = System.nanoTime();
                PurchaseResult result = instance.buy(plan);
                record(result);
                if (Boolean.getBoolean("voucherport.chaos.trace")) {
                    System.out.printf(Locale.ROOT, "%s %s %s %d ms %s%n", Thread.currentThread().getName(), plan.route(),
                            plan.faults(), (System.nanoTime() - started) / 1_000_000, result.getClass().getSimpleName());
                }
            } catch (Crash crash) {
                restarts.incrementAndGet();
                instance = new Instance(env);
            } catch (IllegalArgumentException routedElsewhere) {
                // the overlapping copy of a purchase the directory rerouted: asked at the wrong supplier, refused
            } finally {
                instance.crash.arm(Option.none(), random);
            }
        }
    }

    // ---------------------------------------------------------------- the verdict

    private static final class Verdict {
        int duplicates;
        int lost;
        int open;
        int unpaid;
        int paid;
        int codes;
        final List<String> problems = new ArrayList<>();
    }

    private Verdict verify(List<Plan> plans, PurchaseJournal journal, EzSimulator ez, GiftHubSimulator gh) {
        Verdict v = new Verdict();
        Map<String, List<String>> ezPaid = ez.paidOrders();
        Map<String, List<String>> ghPaid = gh.paidOrders();
        Map<String, OrderReference> codeOwner = new HashMap<>();
        for (Plan plan : plans) {
            OrderReference reference = plan.reference();
            String ref = reference.value();
            List<String> paidEz = ezPaid.getOrDefault(ref, List.of());
            List<String> paidGh = ghPaid.getOrDefault(ref, List.of());
            v.paid += paidEz.size() + paidGh.size();
            if (paidEz.size() + paidGh.size() > 1) {
                v.duplicates++;
                v.problems.add(ref + ": paid at EZ " + paidEz + " and GiftHub " + paidGh);
            }
            Option<JournaledPurchase> journaled = journal.find(reference);
            List<PurchaseResult> seen = results.getOrDefault(reference, List.of());
            if (journaled.isDefined() && journaled.get().status() == PurchaseStatus.OPEN) {
                v.open++;
                v.problems.add(ref + ": still open in the journal: " + journaled.get().events());
            }
            for (PurchaseResult r : seen) {
                if (r instanceof PurchaseResult.Failed f && f.nothingBought() && paidEz.size() + paidGh.size() > 0) {
                    v.lost++;
                    v.problems.add(ref + ": reported nothing bought, yet paid");
                }
            }
            if (paidEz.size() + paidGh.size() == 0) {
                if (journaled.isDefined() && journaled.get().status() == PurchaseStatus.DELIVERED) {
                    v.problems.add(ref + ": journaled delivered without a paid order");
                }
                if (gh.ordersWithReference(ref) > 0) {
                    v.unpaid++;
                }
                continue;
            }
            boolean atEz = !paidEz.isEmpty();
            String orderId = atEz ? paidEz.get(0) : paidGh.get(0);
            String supplier = atEz ? "ez" : "gifthub";
            if (journaled.isEmpty() || !journaled.get().supplier().equals(supplier)
                    || !journaled.get().orderId().contains(SupplierOrderId.of(orderId))
                    || journaled.get().status() != PurchaseStatus.DELIVERED) {
                v.lost++;
                v.problems.add(ref + ": paid order " + supplier + "/" + orderId + " not the journal's delivered order: "
                        + journaled.map(JournaledPurchase::events));
                continue;
            }
            Set<String> orderCodes = new HashSet<>(atEz ? ez.deliveredSecretsOf(orderId) : gh.deliveredSecretsOf(orderId));
            List<PurchaseResult.Delivered> handed = seen.stream().filter(PurchaseResult.Delivered.class::isInstance)
                    .map(PurchaseResult.Delivered.class::cast).toList();
            if (handed.isEmpty()) {
                v.lost++;
                v.problems.add(ref + ": paid order " + orderId + " never handed to the caller");
                continue;
            }
            int ordered = plan.lines().stream().mapToInt(OrderLine::quantity).sum();
            for (PurchaseResult.Delivered d : handed) {
                List<String> secrets = d.codes().delivered().stream().map(ExactlyOnceChaosTest::secret).toList();
                if (!d.order().id().value().equals(orderId) || secrets.size() != ordered
                        || !orderCodes.containsAll(secrets) || new HashSet<>(secrets).size() != secrets.size()) {
                    v.lost++;
                    v.problems.add(ref + ": handed " + secrets.size() + " codes of " + d.order().id() + ", not the "
                            + ordered + " of paid order " + orderId);
                }
                for (String secret : secrets) {
                    OrderReference owner = codeOwner.putIfAbsent(secret, reference);
                    if (owner != null && !owner.equals(reference)) {
                        v.lost++;
                        v.problems.add("a code handed for both " + owner + " and " + reference);
                    }
                }
            }
            v.codes += ordered;
        }
        return v;
    }

    private static String secret(DeliveredCode code) {
        return code.code().orElse(code.pin()).orElse(code.redeemLink()).get().reveal();
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

    // ---------------------------------------------------------------- crash points

    /** The journal of an instance that may die right after a write. */
    private static final class CrashingJournal extends ForwardingPurchaseJournal {
        private final CrashSwitch crash;

        CrashingJournal(PurchaseJournal journal, CrashSwitch crash) {
            super(journal);
            this.crash = crash;
        }

        @Override
        protected <T> T call(String operation, java.util.function.Supplier<T> call) {
            T result = call.get();
            if (isWrite(operation) && !operation.equals("claimDue") && !operation.equals("release")) {
                crash.at(Crash.Point.JOURNAL_WRITE);
            }
            return result;
        }
    }

    /** GiftHub's reference store in an instance that may die just before or just after binding. */
    private static final class CrashingStore implements OrderReferenceStore {
        private final OrderReferenceStore store;
        private final CrashSwitch crash;

        CrashingStore(OrderReferenceStore store, CrashSwitch crash) {
            this.store = store;
            this.crash = crash;
        }

        @Override
        public Binding find(OrderReference reference) {
            return store.find(reference);
        }

        @Override
        public SupplierOrderId bindIfAbsent(OrderReference reference, SupplierOrderId id) {
            crash.at(Crash.Point.BEFORE_BIND);
            SupplierOrderId bound = store.bindIfAbsent(reference, id);
            crash.at(Crash.Point.AFTER_BIND);
            return bound;
        }

        @Override
        public void release(OrderReference reference, SupplierOrderId id) {
            store.release(reference, id);
        }
    }

    /** A supplier in an instance that may die right after the supplier accepted a placement. */
    private static final class CrashingSupplier extends ForwardingCodeSupplier {
        private final CrashSwitch crash;

        CrashingSupplier(CodeSupplier supplier, CrashSwitch crash) {
            super(supplier);
            this.crash = crash;
        }

        @Override
        public Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
            Either<ProviderFailure, SupplierOrder> placed = super.place(request);
            if (placed.isRight()) {
                crash.at(Crash.Point.AFTER_PLACE);
            }
            return placed;
        }
    }
}
