package io.voucherport.domain.supply;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.util.List;

/**
 * The codes of one SKU within an order.
 *
 * @param sku the product the codes are of
 * @param ordered how many codes of it were ordered
 * @param codes the codes known so far, delivered or pending; may be fewer than ordered
 * @param instructions how to redeem the codes (terms, steps), when the supplier sends them; shown to
 *     the customer, but {@code toString} masks them when they hold a link ({@code ://}), which may be
 *     a personal redeem link
 */
public record SkuCodes(Sku sku, int ordered, List<DeliveredCode> codes, Option<String> instructions) {

    /**
     * Validates and copies the codes.
     *
     * @param sku the product the codes are of, not null
     * @param ordered how many codes of it were ordered
     * @param codes the codes known so far, delivered or pending; may be fewer than ordered
     * @param instructions how to redeem the codes (terms, steps), when the supplier sends them; shown to the customer, but {@code toString} masks them when they hold a link ({@code ://}), which may be a personal redeem link
     */
    public SkuCodes {
        Require.present(sku, "sku");
        Require.notNegative(ordered, "ordered");
        Require.present(codes, "codes");
        codes = List.copyOf(codes);
        Require.present(instructions, "instructions");
    }

    /**
     * Codes without redeem instructions.
     *
     * @param sku the product the codes are of, not null
     * @param ordered how many codes of it were ordered
     * @param codes the codes known so far, delivered or pending; may be fewer than ordered
     */
    public SkuCodes(Sku sku, int ordered, List<DeliveredCode> codes) {
        this(sku, ordered, codes, Option.none());
    }

    /** {@return the codes whose secrets are in hand} */
    public List<DeliveredCode> delivered() {
        return codes.stream().filter(DeliveredCode::isDelivered).toList();
    }

    /** {@return the codes the supplier sent that could not be read (missing; fetch again by stock id)} */
    public List<DeliveredCode> unreadable() {
        return codes.stream().filter(c -> c.status() == CodeStatus.UNREADABLE).toList();
    }

    /** {@return how many ordered codes are not delivered (pending, unreadable or never listed)} */
    public int missing() {
        return Math.max(0, ordered - delivered().size());
    }

    /** The codes (secrets masked by each code); instructions holding a link ({@code ://}) shown as {@code ****}. */
    @Override
    public String toString() {
        return "SkuCodes[sku=" + sku + ", ordered=" + ordered + ", codes=" + codes + ", instructions="
                + instructions.map(text -> text.contains("://") ? "****" : text) + "]";
    }
}
