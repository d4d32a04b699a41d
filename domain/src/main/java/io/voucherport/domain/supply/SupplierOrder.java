package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.money.Money;
import java.time.Instant;
import java.util.List;

/**
 * An order as the supplier reports it.
 *
 * @param id the supplier's id of the order, used to poll it and fetch its codes
 * @param reference the caller's reference the order was placed with, when the supplier returns it
 * @param status where the order stands
 * @param lines what was ordered, possibly empty when a supplier's summary omits lines
 * @param grandTotal the amount charged, when reported (may be in a settlement currency that
 *     differs from the lines' currency)
 * @param createdAt when the supplier created the order, when reported
 */
public record SupplierOrder(
        SupplierOrderId id,
        Option<OrderReference> reference,
        OrderStatus status,
        List<OrderedLine> lines,
        Option<Money> grandTotal,
        Option<Instant> createdAt) {

    /**
     * Validates the order and copies the lines.
     *
     * @param id the supplier's id of the order, not null
     * @param reference the caller's reference the order was placed with, when the supplier returns it
     * @param status where the order stands
     * @param lines what was ordered, possibly empty when a supplier's summary omits lines
     * @param grandTotal the amount charged, when reported (may be in a settlement currency that differs from the lines' currency)
     * @param createdAt when the supplier created the order, when reported
     */
    public SupplierOrder {
        Require.present(id, "id");
        Require.present(reference, "reference");
        Require.present(status, "status");
        Require.present(lines, "lines");
        Require.present(grandTotal, "grand total");
        Require.present(createdAt, "created at");
        lines = List.copyOf(lines);
    }

    /** {@return total number of codes ordered over all lines} */
    public int totalQuantity() {
        return lines.stream().mapToInt(OrderedLine::quantity).sum();
    }
}
