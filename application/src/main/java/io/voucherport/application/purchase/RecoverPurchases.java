package io.voucherport.application.purchase;

import io.voucherport.domain.Require;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.supply.OrderReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes every unfinished purchase in the journal: those left pending at their deadline (due again
 * after the buyer's recheck delay) and those whose instance died (once its lease has run out).
 * Each pass claims due purchases in small batches with a lease, so two instances running recovery
 * never drive the same purchase at the same moment, and drives each on through the
 * {@link BuyCodes} of the supplier it is journaled at — by the same rules as a live purchase: looked
 * up before anything else, never placed twice.
 *
 * <p>Run {@link #runOnce()} at start-up and then on a schedule ({@link #start}). A purchase
 * journaled at a supplier no buyer here knows is left for an instance that knows it. Each purchase
 * claimed is told as {@code RECOVERED} to its buyer's listener, and its steps then as the buyer tells
 * them. Thread-safe.
 */
public final class RecoverPurchases {

    /** How many purchases one claim takes: one, so that no claimed purchase waits while another is driven. */
    public static final int BATCH = 1;

    private static final Logger LOG = LoggerFactory.getLogger(RecoverPurchases.class);

    private final PurchaseJournal journal;
    private final Map<String, BuyCodes> buyers;
    private final Waiting waiting;
    private final Duration leaseFor;
    private final String owner;

    /**
     * Recovery over {@code journal} for the suppliers of {@code buyers} (by their names), claiming
     * with leases of {@code leaseFor} as {@code owner} (this service instance's name).
     *
     * @param journal the purchase journal the buyers keep (each buyer must keep this one), not null
     * @param buyers one buyer per supplier, each under its own name, at least one
     * @param waiting the clock and the way to wait
     * @param leaseFor how long a claimed purchase stays leased to this instance without a journal
     *     write; longer than the longest single supplier call
     * @param owner this instance's owner name in the journal, not blank; its own per instance
     */
    public RecoverPurchases(PurchaseJournal journal, List<BuyCodes> buyers, Waiting waiting, Duration leaseFor,
            String owner) {
        this.journal = Require.present(journal, "journal");
        Require.present(buyers, "buyers");
        Map<String, BuyCodes> byName = new LinkedHashMap<>();
        for (BuyCodes buyer : buyers) {
            if (buyer.journal() != journal) {
                throw new IllegalArgumentException("buyer " + buyer.name() + " keeps another journal");
            }
            if (byName.put(buyer.name(), buyer) != null) {
                throw new IllegalArgumentException("two buyers are named " + buyer.name());
            }
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("name at least one buyer");
        }
        this.buyers = Map.copyOf(byName);
        this.waiting = Require.present(waiting, "waiting");
        this.leaseFor = Require.present(leaseFor, "lease");
        this.owner = Require.text(owner, "owner");
    }

    /**
     * Recovery for {@code buyers}, real time, 2-minute leases, a random owner name.
     *
     * @param journal the purchase journal the buyers keep, not null
     * @param buyers one buyer per supplier, each under its own name, at least one
     * @return recovery to run at start-up and then on a schedule
     */
    public static RecoverPurchases of(PurchaseJournal journal, List<BuyCodes> buyers) {
        return new RecoverPurchases(journal, buyers, Waiting.real(), Duration.ofMinutes(2), "vp-recovery-" + UUID.randomUUID());
    }

    /**
     * One pass: claims the purchases due now, batch by batch, and drives each to its end or to
     * pending (then it is due again later), each at most once per pass, so a pass always ends.
     * Blocks while purchases wait for their suppliers. An interrupted thread (the runner being
     * stopped) claims nothing more: a purchase claimed after the interrupt is released at once for
     * the next pass or another instance, and the interrupt flag stays set.
     *
     * @return how each purchase claimed in this pass stands
     */
    public List<PurchaseResult> runOnce() {
        List<PurchaseResult> results = new ArrayList<>();
        Set<OrderReference> driven = new HashSet<>();
        boolean again = true;
        while (again && !Thread.currentThread().isInterrupted()) {
            List<Claimed> batch = journal.claimDue(owner, waiting.clock().instant(), leaseFor, BATCH);
            again = batch.size() == BATCH;
            for (Claimed claimed : batch) {
                BuyCodes buyer = buyers.get(claimed.purchase().supplier());
                if (Thread.currentThread().isInterrupted()) {
                    // being stopped: give the purchase back at once, for the next pass or another instance
                    journal.release(claimed.lease(), waiting.clock().instant());
                    again = false;
                } else if (!driven.add(claimed.purchase().reference())) {
                    // due again already (this pass outlasted its recheck delay): the next pass takes it
                    journal.release(claimed.lease(), waiting.clock().instant());
                    again = false;
                } else if (buyer == null) {
                    journal.release(claimed.lease(), waiting.clock().instant().plus(leaseFor));
                } else {
                    buyer.signal(claimed.purchase(), PurchaseSignal.Stage.RECOVERED, PurchaseSignal.NO_DETAIL);
                    results.add(buyer.drive(claimed));
                }
            }
        }
        return results;
    }

    /**
     * Runs {@link #runOnce()} now and then every {@code every} on {@code scheduler}; cancel the
     * returned future to stop. A pass that throws (say, the journal is down; an Error short of a
     * failure of the JVM itself included) is logged at {@code WARN} (SLF4J) and tried again at the next
     * tick.
     *
     * @param scheduler the scheduler to run on
     * @param every the delay between the end of one pass and the start of the next, above 0
     * @return the repeating task; cancel it to stop recovery
     */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration every) {
        Require.present(scheduler, "scheduler");
        Require.present(every, "every");
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (Throwable e) {   // an Error too (a supplier's StackOverflowError): a periodic task that throws stops for good
                if (e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) {
                    throw (Error) e;
                }
                LOG.warn("purchase recovery pass failed; the next one tries again: {}: {}",
                        e.getClass().getSimpleName(), e.getMessage());
            }
        }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    }
}
