package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.CurrencyCode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A supplier-neutral request to buy codes.
 *
 * @param reference the caller's idempotency key, sent to the supplier with the order
 * @param lines one or more lines, at most {@value #MAX_LINES}, each SKU once
 * @param settlementCurrency the wallet or currency to pay with, when not the supplier's default
 */
public record OrderRequest(OrderReference reference, List<OrderLine> lines, Option<CurrencyCode> settlementCurrency) {

    /** Most lines one request may have; suppliers impose lower limits of their own. */
    public static final int MAX_LINES = 100;

    /**
     * Validates the request and copies the lines.
     *
     * @param reference the caller's idempotency key, sent to the supplier with the order
     * @param lines one or more lines, at most {@value #MAX_LINES}, each SKU once
     * @param settlementCurrency the wallet or currency to pay with, when not the supplier's default
     */
    public OrderRequest {
        Require.present(reference, "reference");
        Require.present(lines, "lines");
        Require.present(settlementCurrency, "settlement currency");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("lines must hold at least one order line");
        }
        if (lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("lines must hold at most " + MAX_LINES + " order lines but has " + lines.size());
        }
        Set<Sku> seen = new HashSet<>();
        for (OrderLine line : lines) {
            Require.present(line, "order line");
            if (!seen.add(line.sku())) {
                throw new IllegalArgumentException("lines must name each SKU once but " + line.sku() + " appears twice");
            }
        }
        lines = List.copyOf(lines);
    }

    /**
     * {@return a request paid in the supplier's default currency}
     *
     * @param reference the caller's idempotency key, sent to the supplier with the order
     * @param lines one or more lines, at most {@value #MAX_LINES}, each SKU once
     */
    public static OrderRequest of(OrderReference reference, List<OrderLine> lines) {
        return new OrderRequest(reference, lines, Option.none());
    }

    /**
     * {@return a request with a single line}
     *
     * @param reference the caller's idempotency key, sent to the supplier with the order
     * @param line the single line to buy, not null
     */
    public static OrderRequest of(OrderReference reference, OrderLine line) {
        return of(reference, List.of(line));
    }

    /** {@return total number of codes asked for} */
    public int totalQuantity() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /**
     * For each requested SKU, how many of the requested codes {@code codes} has not delivered,
     * judged against this request and not against the supplier's own counts: a SKU the answer
     * leaves out, or a quantity it omits, counts as missing. Empty when every requested code is in
     * hand.
     *
     * @param codes the supplier's answer about this request's order, not null
     * @return the number of codes still missing per SKU, in the request's line order, only SKUs
     *     short by at least one; a fresh mutable map
     */
    public Map<Sku, Integer> shortfall(OrderCodes codes) {
        Require.present(codes, "codes");
        Map<Sku, Integer> delivered = new HashMap<>();
        for (SkuCodes sku : codes.skus()) {
            delivered.merge(sku.sku(), sku.delivered().size(), Integer::sum);
        }
        Map<Sku, Integer> missing = new LinkedHashMap<>();
        for (OrderLine line : lines) {
            int shortBy = line.quantity() - delivered.getOrDefault(line.sku(), 0);
            if (shortBy > 0) {
                missing.put(line.sku(), shortBy);
            }
        }
        return missing;
    }
}
