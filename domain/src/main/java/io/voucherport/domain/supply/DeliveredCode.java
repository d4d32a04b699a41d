package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.time.Instant;
import java.util.Locale;

/**
 * One code of an order. A delivered code carries at least one secret part; a pending code
 * carries none. Secret parts are {@link Secret}s, so printing a code never reveals them.
 *
 * @param status pending, delivered, or unreadable (sent but not readable: missing)
 * @param code the redeem code (card number)
 * @param pin the PIN, kept as text so leading zeros survive
 * @param serialNumber the card's serial number, when the supplier sends one; held as a
 *     {@link Secret}, none unless delivered
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

    /**
     * Validates the code: pending codes hold no secrets, delivered codes hold a code, PIN or link.
     *
     * @param status pending, delivered, or unreadable (sent but not readable: missing)
     * @param code the redeem code (card number)
     * @param pin the PIN, kept as text so leading zeros survive
     * @param serialNumber the card's serial number, when sent; none unless delivered
     * @param redeemLink a link where the code is redeemed or shown
     * @param expiresAt when the code expires, if the supplier said
     * @param stockId the supplier's identifier of this unit of stock (EZ's {@code stockId})
     */
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
        if (status != CodeStatus.DELIVERED && (anySecret || serialNumber.isDefined())) {
            throw new IllegalArgumentException("a " + status.name().toLowerCase(Locale.ROOT)
                    + " code must not carry secret parts");
        }
    }

    /**
     * What to show the customer, the same for every supplier: the {@code primary} secret is the one
     * the customer redeems — the code when there is one, else the PIN (a card whose only secret is
     * a PIN, as GiftHub sends some), else the redeem link; {@code pin} is shown beside a code (EZ's
     * code + PIN, GiftHub's card code + PIN). None for a code not delivered.
     *
     * @param primary the secret the customer redeems
     * @param pin the PIN to show beside it, when there is both a code and a PIN
     * @param redeemLink where the code is redeemed or shown, when the supplier sent a link beside a code or PIN
     */
    public record Redemption(Secret primary, Option<Secret> pin, Option<Secret> redeemLink) {
        /**
         * Validates.
         *
         * @param primary the secret the customer redeems
         * @param pin the PIN, kept as text so leading zeros survive
         * @param redeemLink a link where the code is redeemed or shown
         */
        public Redemption {
            Require.present(primary, "primary");
            Require.present(pin, "pin");
            Require.present(redeemLink, "redeem link");
        }
    }

    /**
     * {@return what to show the customer; see {@link Redemption}} None unless delivered.
     */
    public Option<Redemption> redemption() {
        if (!isDelivered()) {
            return Option.none();
        }
        if (code.isDefined()) {
            return Option.some(new Redemption(code.get(), pin, redeemLink));
        }
        if (pin.isDefined()) {
            return Option.some(new Redemption(pin.get(), Option.none(), redeemLink));
        }
        return Option.some(new Redemption(redeemLink.get(), Option.none(), Option.none()));
    }

    /**
     * {@return a code the supplier is still producing}
     *
     * @param stockId the supplier's identifier of this unit of stock (EZ's {@code stockId})
     */
    public static DeliveredCode pending(Option<String> stockId) {
        return new DeliveredCode(CodeStatus.PENDING, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), stockId);
    }

    /**
     * {@return a delivered code with a redeem code and optional PIN}
     *
     * @param code the redeem code (card number)
     * @param pin the PIN, kept as text so leading zeros survive
     * @param stockId the supplier's identifier of this unit of stock (EZ's {@code stockId})
     */
    public static DeliveredCode delivered(Secret code, Option<Secret> pin, Option<String> stockId) {
        return new DeliveredCode(CodeStatus.DELIVERED, Option.of(code), pin, Option.none(), Option.none(),
                Option.none(), stockId);
    }

    /**
     * {@return a code the supplier sent that could not be read: missing, never delivered; {@code stockId}
     * kept so it can be fetched again}
     *
     * @param stockId the supplier's identifier of this unit of stock (EZ's {@code stockId})
     */
    public static DeliveredCode unreadable(Option<String> stockId) {
        return new DeliveredCode(CodeStatus.UNREADABLE, Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), stockId);
    }

    /** {@return whether the code's secrets are in hand} */
    public boolean isDelivered() {
        return status == CodeStatus.DELIVERED;
    }
}
