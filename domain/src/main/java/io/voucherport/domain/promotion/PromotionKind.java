package io.voucherport.domain.promotion;

/** The two promotion engines a provider may run; their code rules differ. */
public enum PromotionKind {
    /** Classic promotions: codes keyed by their text; consume units per cart or per item. */
    STANDARD,
    /** Rule-based promotions (Elastic Path's Promotions Builder): codes have ids; consume units per application or per checkout. */
    RULE_BASED
}
