package io.voucherport.application.purchase;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Sku;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several suppliers by name, each with its own SKU mapping (a catalog SKU → that supplier's SKU),
 * and purchases routed to them in a preferred order.
 *
 * <p>A purchase goes to the first supplier; the next one is tried <b>only when the previous
 * provably bought nothing</b>: it refused the purchase before placing an order (unknown SKU,
 * invalid request, insufficient funds, unavailable before sending) or has no mapping for a SKU.
 * Never after an outcome-unknown failure, a placed order, or a pending result. Every supplier gets
 * the same reference. Thread-safe once built.
 */
public final class SupplierDirectory {

    private final Map<String, Entry> suppliers;

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
        /** Validates and copies. */
        public Routed {
            Require.text(supplier, "supplier");
            Require.present(result, "result");
            refusedBy = List.copyOf(Require.present(refusedBy, "refused by"));
        }
    }

    private SupplierDirectory(Map<String, Entry> suppliers) {
        this.suppliers = Map.copyOf(suppliers);
    }

    /** An empty directory whose purchases wait by {@code policy} in {@code waiting}'s time. */
    public static Builder builder(PollingPolicy policy, Waiting waiting) {
        return new Builder(Require.present(policy, "polling policy"), Require.present(waiting, "waiting"));
    }

    /** The supplier registered as {@code name}. */
    public Option<CodeSupplier> supplier(String name) {
        return Option.of(suppliers.get(name)).map(Entry::supplier);
    }

    /**
     * Buys {@code lines} (in catalog SKUs) with {@code reference} from the first of {@code preference}
     * that can sell them, falling back as described above.
     */
    public Routed buy(OrderReference reference, List<OrderLine> lines, Option<CurrencyCode> settlementCurrency,
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
        List<String> refused = new ArrayList<>();
        PurchaseResult last = null;
        for (String name : preference) {
            Entry entry = suppliers.get(name);
            Option<List<OrderLine>> mapped = map(lines, entry.skus());
            last = mapped.isEmpty() ? unmapped(reference, name, lines, entry.skus())
                    : entry.buyer().buy(new OrderRequest(reference, mapped.get(), settlementCurrency));
            if (!(last instanceof PurchaseResult.Failed failed && failed.nothingBought())) {
                return new Routed(name, last, refused);
            }
            refused.add(name);
        }
        return new Routed(preference.get(preference.size() - 1), last, refused.subList(0, refused.size() - 1));
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
                new ProviderFailure.InvalidRequest(FailureDetails.of(name, reason + "; nothing was sent"), List.of(reason))));
    }

    /** Registers suppliers; build once. */
    public static final class Builder {
        private final PollingPolicy policy;
        private final Waiting waiting;
        private final Map<String, Entry> suppliers = new LinkedHashMap<>();

        private Builder(PollingPolicy policy, Waiting waiting) {
            this.policy = policy;
            this.waiting = waiting;
        }

        /** Registers {@code supplier} as {@code name}, selling the catalog's SKUs under the same names. */
        public Builder supplier(String name, CodeSupplier supplier) {
            return supplier(name, supplier, Map.of());
        }

        /** Registers {@code supplier} as {@code name}, with catalog SKU → supplier SKU {@code mapping}. */
        public Builder supplier(String name, CodeSupplier supplier, Map<Sku, Sku> mapping) {
            Require.text(name, "supplier name");
            Require.present(supplier, "supplier");
            Require.present(mapping, "mapping");
            if (suppliers.containsKey(name)) {
                throw new IllegalArgumentException("a supplier is already registered as " + name);
            }
            suppliers.put(name, new Entry(supplier, Map.copyOf(mapping), new BuyCodes(supplier, policy, waiting)));
            return this;
        }

        /** The directory. */
        public SupplierDirectory build() {
            return new SupplierDirectory(suppliers);
        }
    }
}
