package io.voucherport.domain.promotion;

import io.voucherport.domain.Require;

/**
 * What one use of a code counts. The standard and rule-based engines have their own units, kept
 * apart; a value nobody has seen before is kept raw as {@link Unknown}.
 */
public sealed interface ConsumeUnit permits ConsumeUnit.Known, ConsumeUnit.Unknown {

    /** Standard: one use per cart (the default). */
    ConsumeUnit PER_CART = Known.PER_CART;
    /** Standard: one use per discounted item. */
    ConsumeUnit PER_ITEM = Known.PER_ITEM;
    /** Rule-based: one use per application of the promotion. */
    ConsumeUnit PER_APPLICATION = Known.PER_APPLICATION;
    /** Rule-based: one use per checkout. */
    ConsumeUnit PER_CHECKOUT = Known.PER_CHECKOUT;

    /** The units Voucherport knows, each belonging to one engine. */
    enum Known implements ConsumeUnit {
        /** See {@link ConsumeUnit#PER_CART}. */
        PER_CART(PromotionKind.STANDARD),
        /** See {@link ConsumeUnit#PER_ITEM}. */
        PER_ITEM(PromotionKind.STANDARD),
        /** See {@link ConsumeUnit#PER_APPLICATION}. */
        PER_APPLICATION(PromotionKind.RULE_BASED),
        /** See {@link ConsumeUnit#PER_CHECKOUT}. */
        PER_CHECKOUT(PromotionKind.RULE_BASED);

        private final PromotionKind kind;

        Known(PromotionKind kind) {
            this.kind = kind;
        }

        /** {@return the engine this unit belongs to} */
        public PromotionKind kind() {
            return kind;
        }
    }

    /**
     * A unit the provider sent that Voucherport does not know.
     *
     * @param raw the value exactly as sent
     */
    record Unknown(String raw) implements ConsumeUnit {
        /**
         * Validates.
         *
         * @param raw the value exactly as sent
         */
        public Unknown {
            Require.present(raw, "raw consume unit");
        }
    }
}
