package io.voucherport.adapter.discounts;

import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.discount.DiscountCode;

/**
 * A discount code as Shoplazza answered it: the domain's {@link DiscountCode} and, for what the
 * domain does not model, the code's JSON as read ({@link #raw()}, read-only, secrets masked), in
 * the spirit of stripe-java's raw JSON. Immutable.
 *
 * @param code the code in the domain's terms
 * @param raw the code's JSON as Shoplazza sent it (the object under {@code discount_code}), masked
 */
public record ShoplazzaCode(DiscountCode code, RawFields raw) {

    /**
     * Validates.
     *
     * @param code the code in the domain's terms
     * @param raw the code's JSON as Shoplazza sent it (the object under {@code discount_code}), masked
     */
    public ShoplazzaCode {
        Require.present(code, "code");
        Require.present(raw, "raw");
    }
}
