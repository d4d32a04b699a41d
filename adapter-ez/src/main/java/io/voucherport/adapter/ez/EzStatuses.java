package io.voucherport.adapter.ez;

import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.OrderStatus;
import java.util.Locale;

/** EZ's order, product and code statuses in the domain's words. Tolerant of case and blanks. */
final class EzStatuses {

    private EzStatuses() {
    }

    /** {@code PROCESSING, COMPLETED, CANCELLED}; anything else is kept raw as unknown. */
    static OrderStatus orderStatus(String raw) {
        OrderStatus status = known(raw);   // as EZ spells it: no normalising
        if (status == null) {
            status = known(normalise(raw));
        }
        return status != null ? status : new OrderStatus.Unknown(raw == null ? "" : raw);
    }

    private static OrderStatus known(String status) {
        return status == null ? null : switch (status) {
            case "PROCESSING" -> OrderStatus.PROCESSING;
            case "COMPLETED" -> OrderStatus.COMPLETED;
            case "CANCELLED", "CANCELED" -> OrderStatus.CANCELLED;
            default -> null;
        };
    }

    /**
     * A code is delivered only when EZ says {@code COMPLETED}; {@code PROCESSING} and anything
     * unknown leave it pending (codes still processing inside a completed order are pending, not errors).
     */
    static CodeStatus codeStatus(String raw) {
        return "COMPLETED".equals(raw) || normalise(raw).equals("COMPLETED") ? CodeStatus.DELIVERED : CodeStatus.PENDING;
    }

    private static String normalise(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }
}
