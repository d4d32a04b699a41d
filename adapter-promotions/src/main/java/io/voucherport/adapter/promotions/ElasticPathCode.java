package io.voucherport.adapter.promotions;

import io.vavr.control.Option;
import io.voucherport.adapter.support.RawFields;
import io.voucherport.domain.Require;
import io.voucherport.domain.promotion.PromotionCode;

/**
 * A promotion code as Elastic Path listed it: the domain's {@link PromotionCode} and, for what the
 * domain does not model, the code's JSON as read ({@link #raw()}, read-only, secrets masked), in
 * the spirit of stripe-java's raw JSON. The Promotions Builder's per-shopper fields have accessors
 * of their own. Immutable.
 *
 * @param code the code in the domain's terms
 * @param raw the code's JSON as Elastic Path sent it, masked
 */
public record ElasticPathCode(PromotionCode code, RawFields raw) {

    /**
     * Validates.
     *
     * @param code the code in the domain's terms
     * @param raw the code's JSON as Elastic Path sent it, masked
     */
    public ElasticPathCode {
        Require.present(code, "code");
        Require.present(raw, "raw");
    }

    /**
     * Promotions Builder: how often one shopper may use the code ({@code max_uses_per_shopper.max_uses}),
     * when sent as a whole number.
     *
     * @return the number, or none
     */
    public Option<Integer> maxUsesPerShopper() {
        return raw.text("max_uses_per_shopper.max_uses").flatMap(ElasticPathCode::wholeNumber);
    }

    /**
     * Promotions Builder: whether guests count as shoppers for that limit ({@code max_uses_per_shopper.includes_guests}), when sent.
     *
     * @return true if so, or none
     */
    public Option<Boolean> perShopperLimitIncludesGuests() {
        return raw.text("max_uses_per_shopper.includes_guests").flatMap(ElasticPathCode::flag);
    }

    /**
     * Promotions Builder: whether only new shoppers may use the code ({@code is_for_new_shopper}), when sent.
     *
     * @return true if so, or none
     */
    public Option<Boolean> forNewShoppersOnly() {
        return raw.text("is_for_new_shopper").flatMap(ElasticPathCode::flag);
    }

    private static Option<Integer> wholeNumber(String text) {
        return text.matches("\\d{1,9}") ? Option.some(Integer.parseInt(text)) : Option.none();
    }

    private static Option<Boolean> flag(String text) {
        return text.equals("true") ? Option.some(true) : text.equals("false") ? Option.some(false) : Option.none();
    }
}
