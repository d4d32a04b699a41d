package io.voucherport.adapter.giftcard;

import io.voucherport.domain.supply.OrderStatus;
import java.util.Locale;

/** GiftHub's order states in the domain's words. Tolerant of case and blanks; an unknown state is kept raw. */
final class GiftHubStatuses {

    private GiftHubStatuses() {
    }

    /**
     * {@code created, confirmed, processing, successful, partial, failed, rejected} (and
     * {@code expired}); anything else is kept raw as unknown.
     */
    static OrderStatus orderStatus(String raw) {
        return switch (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)) {
            case "created" -> OrderStatus.CREATED;
            case "confirmed" -> OrderStatus.CONFIRMED;
            case "processing" -> OrderStatus.PROCESSING;
            case "successful" -> OrderStatus.COMPLETED;
            case "partial" -> OrderStatus.PARTIALLY_COMPLETED;
            case "failed" -> OrderStatus.FAILED;
            case "rejected" -> OrderStatus.REJECTED;
            case "expired" -> OrderStatus.EXPIRED;
            default -> new OrderStatus.Unknown(raw == null ? "" : raw);
        };
    }
}
