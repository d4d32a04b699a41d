package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.time.Instant;

/**
 * One code of an order. A delivered code carries at least one secret part; a pending code
 * carries none. Secret parts are {@link Secret}s, so printing a code never reveals them.
 *
 * @param status pending or delivered
 * @param code the redeem code (card number)
 * @param pin the PIN, kept as text so leading zeros survive
 * @param serialNumber the card's serial number
 * @param redeemLink a link where the code is redeemed or shown
 * @param expiresAt when the code expires, if the supplier said
 * @param stockId the supplier's identifier of this unit of stock (EZ's {@code stockId})
 */
public record DeliveredCode(
        CodeStatus status,
        Option<Secret> code,
        Option<Secret> pin,
        Option<Secret> serialNumber,
        Option<Secret> redeemLink,
        Option<Instant> expiresAt,
        Option<String> stockId) {

    /** Validates the code: pending codes hold no secrets, delivered codes hold a code, PIN or link. */
    public DeliveredCode {
        Require.present(status, "status");
        Require.present(code, "code");
        Require.present(pin, "pin");
        Require.present(serialNumber, "serial number");
        Require.present(redeemLink, "redeem link");
        Require.present(expiresAt, "expires at");
        Require.present(stockId, "stock id");
        boolean anySecret = code.isDefined() || pin.isDefined() || redeemLink.isDefined();
        if (status == CodeStatus.DELIVERED && !anySecret) {
            throw new IllegalArgumentException("a delivered code must carry a code, a PIN or a redeem link");
        }
        if (status == CodeStatus.PENDING && (anySecret || serialNumber.isDefined())) {
            throw new IllegalArgumentException("a pending code must not carry secret parts");
        }
    }

    /** A code the supplier is still producing. */
    public static DeliveredCode pending(Option<String> stockId) {
        return new DeliveredCode(CodeStatus.PENDING, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), stockId);
    }

    /** A delivered code with a redeem code and optional PIN. */
    public static DeliveredCode delivered(Secret code, Option<Secret> pin, Option<String> stockId) {
        return new DeliveredCode(CodeStatus.DELIVERED, Option.of(code), pin, Option.none(), Option.none(),
                Option.none(), stockId);
    }

    /** Whether the code's secrets are in hand. */
    public boolean isDelivered() {
        return status == CodeStatus.DELIVERED;
    }
}
