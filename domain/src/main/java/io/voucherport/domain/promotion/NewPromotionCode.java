package io.voucherport.domain.promotion;

import io.vavr.control.Option;
import io.voucherport.domain.Require;

/**
 * A promotion code to create.
 *
 * @param code the text the shopper will type, not null; unique within the promotion at the provider
 * @param allowedUses how many times it may be used; none for unlimited
 * @param user who may use it; none for anybody
 * @param consumeUnit what one use counts; none for the provider's default
 */
public record NewPromotionCode(
        CodeText code, Option<Integer> allowedUses, Option<String> user, Option<ConsumeUnit> consumeUnit) {

    /**
     * Validates.
     *
     * @param code the text the shopper will type, not null; unique within the promotion at the
     *     provider
     * @param allowedUses how many times it may be used; none for unlimited
     * @param user who may use it; none for anybody
     * @param consumeUnit what one use counts; none for the provider's default
     */
    public NewPromotionCode {
        Require.present(code, "code");
        Require.present(allowedUses, "allowed uses");
        Require.present(user, "user");
        Require.present(consumeUnit, "consume unit");
        allowedUses.peek(n -> Require.positive(n, "allowed uses"));
        user.peek(u -> Require.text(u, "user"));
    }

    /**
     * {@return an unlimited code anybody may use}
     *
     * @param code the text the shopper will type, not null
     */
    public static NewPromotionCode of(CodeText code) {
        return new NewPromotionCode(code, Option.none(), Option.none(), Option.none());
    }
}
