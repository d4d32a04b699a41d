package io.voucherport.domain.promotion;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;
import java.util.List;

/**
 * A promotion code as the provider lists it. How often it may still be used and how often it may
 * be used at all are two distinct facts, each absent when the provider does not say (codes
 * created before 27 April 2023 at Elastic Path have no maximum; an absent maximum may also mean
 * unlimited, so it is never guessed).
 *
 * @param code the text a shopper types; the code's key at providers that give codes no id
 * @param id the code's own id, where the provider gives codes ids (rule-based promotions)
 * @param consumeUnit what one use counts, when reported
 * @param users who may use it (customer ids or other identifying texts, in the provider's order);
 *     empty for anybody
 * @param remainingUses uses left, when reported
 * @param maxUses uses allowed in all, when reported
 * @param createdBy who created it, when reported
 * @param createdAt when it was created, when reported
 */
public record PromotionCode(
        CodeText code,
        Option<String> id,
        Option<ConsumeUnit> consumeUnit,
        List<String> users,
        Option<Integer> remainingUses,
        Option<Integer> maxUses,
        Option<String> createdBy,
        Option<Instant> createdAt) {

    /**
     * Validates and copies the users.
     *
     * @param code the text a shopper types, not null
     * @param id the code's own id, where the provider gives codes ids (rule-based promotions)
     * @param consumeUnit what one use counts, when reported
     * @param users who may use it (customer ids or other identifying texts, in the provider's order); empty for anybody
     * @param remainingUses uses left, when reported
     * @param maxUses uses allowed in all, when reported
     * @param createdBy who created it, when reported
     * @param createdAt when it was created, when reported
     */
    public PromotionCode {
        Require.present(code, "code");
        Require.present(id, "id");
        Require.present(consumeUnit, "consume unit");
        users = List.copyOf(Require.present(users, "users"));
        users.forEach(u -> Require.text(u, "user"));
        Require.present(remainingUses, "remaining uses");
        Require.present(maxUses, "max uses");
        Require.present(createdBy, "created by");
        Require.present(createdAt, "created at");
        remainingUses.peek(n -> Require.notNegative(n, "remaining uses"));
        maxUses.peek(n -> Require.notNegative(n, "max uses"));
    }

    /**
     * A code that at most one user may use ({@code user}; none for anybody), as
     * {@link NewPromotionCode} describes one.
     *
     * @param code the text a shopper types, not null
     * @param id the code's own id, where the provider gives codes ids (rule-based promotions)
     * @param consumeUnit what one use counts, when reported
     * @param user the one customer id (or other identifying text) allowed to use it, not null; none
     *     for anybody
     * @param remainingUses uses left, when reported
     * @param maxUses uses allowed in all, when reported
     * @param createdBy who created it, when reported
     * @param createdAt when it was created, when reported
     */
    public PromotionCode(CodeText code, Option<String> id, Option<ConsumeUnit> consumeUnit, Option<String> user,
            Option<Integer> remainingUses, Option<Integer> maxUses, Option<String> createdBy, Option<Instant> createdAt) {
        this(code, id, consumeUnit, Require.present(user, "user").toJavaList(), remainingUses, maxUses, createdBy,
                createdAt);
    }

    /**
     * {@return a code known only by its text}
     *
     * @param code the text a shopper types, not null
     */
    public static PromotionCode of(CodeText code) {
        return new PromotionCode(code, Option.none(), Option.none(), List.of(), Option.none(), Option.none(),
                Option.none(), Option.none());
    }
}
