package io.voucherport.application.purchase;

import io.voucherport.application.ListenerLog;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Several suppliers by name, each with its own SKU mapping (a catalog SKU → that supplier's SKU),
 * and purchases routed to them in a preferred order, all journaled in one {@link PurchaseJournal}.
 *
 * <p>A purchase is journaled at the first supplier that can sell every line; the next one is tried
 * <b>only when the journal proves the purchase bought nothing anywhere</b>: every placement was
 * refused in a way that proves it did not take effect (unknown SKU, invalid request, insufficient
 * funds, unavailable before sending), or a supplier has no mapping for a SKU (then nothing was
 * sent to it). Never after an outcome-unknown failure — not even once its absence was proven — nor
 * after a placed order or a pending result. Every supplier gets the same reference, and a
 * reference journaled already is resumed at the supplier it is journaled at, never started
 * elsewhere. Thread-safe once built. Each step is told to the buyers' listeners (see
 * {@link Builder#listener}); a purchase routed on is told as {@code REROUTED} to the next supplier's.
 */
public final class BuyFromSuppliers {

    private final Map<String, Entry> suppliers;
    private final PurchaseJournal journal;
    private final Waiting waiting;
    private final Duration leaseFor;
    private final String owner;
    private final VoucherportListener listener;

    private record Entry(CodeSupplier supplier, Map<Sku, Sku> skus, BuyCodes buyer) {
    }

    /**
     * Where a purchase went and how it ended.
     *
     * @param supplier the name of the supplier that had the last word
     * @param result how it ended
     * @param refusedBy the suppliers tried before, which provably bought nothing
     */
    public record Routed(String supplier, PurchaseResult result, List<String> refusedBy) {
        /**
         * Validates and copies.
         *
         * @param supplier the name of the supplier that had the last word
         * @param result how it ended
         * @param refusedBy the suppliers tried before, which provably bought nothing
         */
        public Routed {
            Require.text(supplier, "supplier");
            Require.present(result, "result");
            refusedBy = List.copyOf(Require.present(refusedBy, "refused by"));
        }
    }

    private BuyFromSuppliers(Builder b) {
        this.suppliers = Map.copyOf(b.suppliers);
        this.journal = b.journal;
        this.waiting = b.waiting;
        this.leaseFor = b.leaseFor;
        this.owner = b.owner;
        this.listener = b.listener;
    }

    /**
     * {@return an empty directory journaling in {@code journal}, whose purchases wait by {@code policy} in {@code waiting}'s time}
     *
     * @param journal the durable record of every purchase, shared by all instances and by every
     *     supplier's buyer, not null; it is what makes a purchase never placed twice
     * @param policy how each purchase polls its supplier and when it is answered as pending, not
     *     null
     * @param waiting the clock and the way to wait, not null
     */
    public static Builder builder(PurchaseJournal journal, PollingPolicy policy, Waiting waiting) {
        return new Builder(Require.present(journal, "journal"), Require.present(policy, "polling policy"),
                Require.present(waiting, "waiting"));
    }

    /**
     * {@return the supplier registered as {@code name}, or none when no supplier has that name}
     *
     * @param name the name the supplier was registered under
     */
    public Option<CodeSupplier> supplier(String name) {
        return Option.of(suppliers.get(name)).map(Entry::supplier);
    }

    /**
     * Recovery of this directory's unfinished purchases, claiming as this directory's owner.
     *
     * @return a use case that resumes this directory's pending and abandoned purchases at the
     *     supplier each is journaled at; run it periodically
     */
    public RecoverPurchases recovery() {
        return new RecoverPurchases(journal, suppliers.values().stream().map(Entry::buyer).toList(), waiting,
                leaseFor, owner);
    }

    /**
     * Buys {@code lines} (in catalog SKUs) with {@code reference} from the first of {@code preference}
     * that can sell them, falling back as described above. A reference journaled already is
     * resumed where it is journaled.
     *
     * @param reference the caller's order reference, unique per purchase; buying again with it
     *     resumes the purchase, never buys twice
     * @param lines what to buy, in catalog SKUs (each supplier's mapping translates them)
     * @param settlementCurrency the wallet or currency to pay with, or none for each supplier's
     *     default
     * @param preference the names of registered suppliers, most preferred first, at least one;
     *     an unknown name is an {@link IllegalArgumentException}
     * @return the supplier that had the last word, how the purchase ended there (failures as
     *     values, never thrown), and the suppliers tried before that provably bought nothing
     */
    public Routed buy(OrderReference reference, List<OrderLine> lines, Option<CurrencyCode> settlementCurrency,
            List<String> preference) {
        try {
            return route(reference, lines, settlementCurrency, preference);
        } catch (JournalException e) {   // a write may have taken effect unseen: never "nothing bought"
            listener.purchase(new PurchaseSignal(preference.get(0), PurchaseSignal.Stage.PENDING, "journal-failed",
                    Duration.ZERO, reference));
            return new Routed(preference.get(0), new PurchaseResult.Pending(reference, Option.none(), Option.none(),
                    "the purchase journal failed (" + e.getMessage() + "): buy again with the same reference later;"
                            + " it is never bought twice"), List.of());
        }
    }

    private Routed route(OrderReference reference, List<OrderLine> lines, Option<CurrencyCode> settlementCurrency,
            List<String> preference) {
        Require.present(reference, "reference");
        Require.present(lines, "lines");
        Require.present(settlementCurrency, "settlement currency");
        Require.present(preference, "preference");
        if (preference.isEmpty()) {
            throw new IllegalArgumentException("name at least one supplier");
        }
        preference.forEach(name -> {
            if (!suppliers.containsKey(name)) {
                throw new IllegalArgumentException("no supplier is registered as " + name);
            }
        });
        Option<JournaledPurchase> known = journal.find(reference);
        if (known.isDefined()) {
            String at = known.get().supplier();
            if (!suppliers.containsKey(at)) {
                throw new IllegalArgumentException("purchase " + reference + " is journaled at supplier " + at
                        + ", which this directory does not know");
            }
            return new Routed(at, suppliers.get(at).buyer().resume(known.get().request()), List.of());
        }
        List<String> refused = new ArrayList<>();
        PurchaseResult last = null;
        Claimed claimed = null;
        BuyCodes.Run run = null;
        for (String name : preference) {
            Entry entry = suppliers.get(name);
            Option<List<OrderLine>> mapped = map(lines, entry.skus());
            if (mapped.isEmpty()) {
                last = unmapped(reference, name, lines, entry.skus());
                refused.add(name);
                continue;
            }
            OrderRequest request = new OrderRequest(reference, mapped.get(), settlementCurrency);
            Instant now = waiting.clock().instant();
            if (claimed == null) {
                Either<JournaledPurchase, Claimed> opened = journal.open(request, name, owner, now, leaseFor);
                if (opened.isLeft()) {   // another instance opened it a moment ago
                    String at = opened.getLeft().supplier();
                    return new Routed(at, suppliers.get(at).buyer().resume(opened.getLeft().request()), refused);
                }
                claimed = opened.get();
            } else {
                claimed = journal.append(claimed, new PurchaseEvent.Rerouted(name, request, now), now, leaseFor);
                entry.buyer().signal(claimed.purchase(), PurchaseSignal.Stage.REROUTED, PurchaseSignal.NO_DETAIL);
            }
            run = entry.buyer().driveHeld(claimed);
            claimed = run.claimed();
            last = run.result();
            if (!(last instanceof PurchaseResult.Failed failed && failed.nothingBought()
                    && claimed.purchase().provablyNothingBought())) {
                end(run);
                return new Routed(name, last, refused);
            }
            refused.add(name);   // its end is not journaled: the next supplier's reroute is, or the last end
        }
        if (run != null) {
            end(run);
        }
        return new Routed(preference.get(preference.size() - 1), last, refused.subList(0, refused.size() - 1));
    }

    /**
     * Journals how the run ended and gives the lease back in one write, or only gives the lease back
     * when it ended pending; when that fails, the lease runs out by itself and recovery picks the
     * purchase up (the answer in hand stays true).
     */
    private void end(BuyCodes.Run run) {
        Claimed claimed = run.claimed();
        Instant now = waiting.clock().instant();
        List<PurchaseEvent> held = run.heldEnd();
        try {
            if (!held.isEmpty()) {
                try {
                    journal.finish(claimed, held, now);
                    return;
                } catch (LeaseLostException e) {
                    return;   // the new holder drives it from the journal
                } catch (JournalException e) {   // keep at least what was learnt (the order), and let recovery end it
                    if (held.size() > 1) {
                        claimed = journal.append(claimed, held.subList(0, held.size() - 1), now, leaseFor);
                    }
                }
            }
            journal.release(claimed.lease(), now.plus(suppliers.get(claimed.purchase().supplier()).buyer()
                    .recheckAfter()));
        } catch (JournalException e) {
            // recovery picks the purchase up once the lease has run out
        }
    }

    /** Each line's SKU as the supplier knows it; none when one has no mapping (an empty mapping means "same SKUs"). */
    private static Option<List<OrderLine>> map(List<OrderLine> lines, Map<Sku, Sku> skus) {
        if (skus.isEmpty()) {
            return Option.some(lines);
        }
        List<OrderLine> mapped = new ArrayList<>();
        for (OrderLine line : lines) {
            Sku own = skus.get(line.sku());
            if (own == null) {
                return Option.none();
            }
            mapped.add(new OrderLine(own, line.quantity(), line.faceValue()));
        }
        return Option.some(mapped);
    }

    private static PurchaseResult unmapped(OrderReference reference, String name, List<OrderLine> lines, Map<Sku, Sku> skus) {
        List<String> missing = lines.stream().map(OrderLine::sku).filter(s -> !skus.containsKey(s)).map(Sku::value).toList();
        String reason = "supplier " + name + " has no SKU mapped for " + String.join(", ", missing);
        return new PurchaseResult.Failed(reference, Option.none(), reason, Option.some(
                new ProviderFailure.InvalidRequest(FailureDetails.of(name, reason + "; nothing was sent"), List.of(reason))),
                false);
    }

    /** Registers suppliers; build once. */
    public static final class Builder {
        private final PurchaseJournal journal;
        private final PollingPolicy policy;
        private final Waiting waiting;
        private final Map<String, Entry> suppliers = new LinkedHashMap<>();
        private Duration leaseFor = Duration.ofMinutes(2);
        private String owner = "vp-" + UUID.randomUUID();
        private VoucherportListener listener = VoucherportListener.none();

        private Builder(PurchaseJournal journal, PollingPolicy policy, Waiting waiting) {
            this.journal = journal;
            this.policy = policy;
            this.waiting = waiting;
        }

        /**
         * This service instance's name in the journal's leases; default a random one. Give every
         * instance its own. Set before adding suppliers.
         *
         * @param owner this instance's owner name in the journal, not blank
         * @return this builder
         */
        public Builder owner(String owner) {
            this.owner = Require.text(owner, "owner");
            return this;
        }

        /**
         * How long a purchase stays leased to this instance without a journal write; default 2
         * minutes. Keep it longer than the longest single supplier call. Set before adding
         * suppliers.
         *
         * @param leaseFor the lease's length, at least 1 second (checked as suppliers are added)
         * @return this builder
         */
        public Builder lease(Duration leaseFor) {
            this.leaseFor = Require.present(leaseFor, "lease");
            return this;
        }

        /**
         * Who hears each step of every purchase of the suppliers registered after this (through
         * {@link #supplier}; a {@link #buyer} keeps its own); guarded. Default
         * {@link VoucherportListener#none()}. Set before adding suppliers.
         *
         * @param purchaseListener who hears each purchase step, not null; its failures are logged
         *     (names only) and swallowed
         * @return this builder
         */
        public Builder listener(VoucherportListener purchaseListener) {
            this.listener = ListenerLog.guarded(Require.present(purchaseListener, "listener"));
            return this;
        }

        /**
         * Registers {@code supplier} as {@code name}, selling the catalog's SKUs under the same names.
         *
         * @param name the supplier's stable name in the journal and in preferences (an identifier,
         *     e.g. {@code ez}), not taken yet
         * @param supplier the supplier port the codes are bought from, not null
         * @return this builder
         */
        public Builder supplier(String name, CodeSupplier supplier) {
            return supplier(name, supplier, Map.of());
        }

        /**
         * Registers {@code supplier} as {@code name}, with catalog SKU → supplier SKU {@code mapping}.
         *
         * @param name the supplier's stable name in the journal and in preferences (an identifier,
         *     e.g. {@code ez}), not taken yet
         * @param supplier the supplier port the codes are bought from, not null
         * @param mapping catalog SKU → this supplier's SKU; a purchase with an unmapped SKU skips
         *     this supplier (nothing is sent to it); empty means the same SKUs
         * @return this builder
         */
        public Builder supplier(String name, CodeSupplier supplier, Map<Sku, Sku> mapping) {
            Require.present(supplier, "supplier");
            return buyer(BuyCodes.builder(name, supplier, journal).policy(policy).waiting(waiting).lease(leaseFor)
                    .owner(owner).listener(listener).build(), mapping);
        }

        /**
         * Registers a configured {@code buyer} (its own settle time, recheck delay) under its name,
         * with catalog SKU → supplier SKU {@code mapping}. The buyer must keep this directory's journal.
         *
         * @param buyer a buyer built on this directory's journal, its name not taken yet; otherwise
         *     {@link IllegalArgumentException}
         * @param mapping catalog SKU → the buyer's supplier SKU; empty means the same SKUs
         * @return this builder
         */
        public Builder buyer(BuyCodes buyer, Map<Sku, Sku> mapping) {
            Require.present(buyer, "buyer");
            Require.present(mapping, "mapping");
            if (buyer.journal() != journal) {
                throw new IllegalArgumentException("buyer " + buyer.name() + " keeps another journal than the directory");
            }
            if (suppliers.containsKey(buyer.name())) {
                throw new IllegalArgumentException("a supplier is already registered as " + buyer.name());
            }
            suppliers.put(buyer.name(), new Entry(buyer.supplier(), Map.copyOf(mapping), buyer));
            return this;
        }

        /** {@return a thread-safe directory of the registered suppliers} */
        public BuyFromSuppliers build() {
            return new BuyFromSuppliers(this);
        }
    }
}
