package io.voucherport.testkit.elasticpath;

import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.testkit.contract.PromotionCodesContract;
import java.util.List;
import java.util.Locale;

/**
 * What {@link ElasticPathSimulator#withSampleData()} serves, the credentials the simulator accepts
 * by default, and the promotions the promotion-codes contract needs, as constants. The contract's
 * data is seeded by {@link #withContractData(ElasticPathSimulator)} and described by
 * {@link #standardContractFixture()} and {@link #ruleBasedContractFixture()}.
 */
public final class ElasticPathSampleData {

    /** The OAuth client id the simulator accepts unless told otherwise. */
    public static final String CLIENT_ID = ElasticPathSimulator.DEFAULT_CLIENT_ID;
    /** The OAuth client secret the simulator accepts unless told otherwise. */
    public static final String CLIENT_SECRET = ElasticPathSimulator.DEFAULT_CLIENT_SECRET;

    /** A standard promotion, "Summer sale", holding {@link #SUMMER_CODES} codes. */
    public static final String SUMMER = "std-summer";
    /** How many codes {@link #SUMMER} holds. */
    public static final int SUMMER_CODES = 250;
    /** A standard promotion, "Empty shelf", without codes. */
    public static final String EMPTY = "std-empty";
    /** A rule-based (Promotions Builder) promotion, "Welcome", holding {@link #WELCOME_CODES} codes. */
    public static final String WELCOME = "rule-welcome";
    /** How many codes {@link #WELCOME} holds. */
    public static final int WELCOME_CODES = 120;

    /** The contract's seeded standard promotion: {@link #CONTRACT_STANDARD_CODES} codes. */
    public static final String CONTRACT_STANDARD_SEEDED = "std-seeded";
    /** How many codes {@link #CONTRACT_STANDARD_SEEDED} holds (more than a page). */
    public static final int CONTRACT_STANDARD_CODES = 230;
    /** The contract's standard scratch promotions, empty at first. */
    public static final List<String> CONTRACT_STANDARD_SCRATCH = List.of("std-a", "std-b", "std-c");
    /** The contract's seeded rule-based promotion: {@link #CONTRACT_RULE_CODES} codes. */
    public static final String CONTRACT_RULE_SEEDED = "rule-seeded";
    /** How many codes {@link #CONTRACT_RULE_SEEDED} holds (more than a page). */
    public static final int CONTRACT_RULE_CODES = 130;
    /** The contract's rule-based scratch promotions, empty at first. */
    public static final List<String> CONTRACT_RULE_SCRATCH = List.of("rule-a", "rule-b", "rule-c");
    /** The restricted code of {@link #CONTRACT_STANDARD_SEEDED}. */
    public static final String CONTRACT_STANDARD_RESTRICTED = "STDSEEDED-000011";
    /** The restricted code of {@link #CONTRACT_RULE_SEEDED}. */
    public static final String CONTRACT_RULE_RESTRICTED = "RULESEEDED-000011";
    /** The users the restricted codes are limited to, in order. */
    public static final List<String> CONTRACT_RESTRICTED_TO = List.of("customer-11", "cus_8f2b");

    private ElasticPathSampleData() {
    }

    /**
     * Seeds the promotions the promotion-codes contract needs, for both engines: the seeded ones,
     * three scratch ones each and the restricted codes. Call it once per simulator (as the
     * simulator's own set-up methods, it adds the promotions again otherwise).
     *
     * @param ep the simulator to seed
     * @return {@code ep}
     */
    public static ElasticPathSimulator withContractData(ElasticPathSimulator ep) {
        ep.promotion(CONTRACT_STANDARD_SEEDED, false, "Seeded", CONTRACT_STANDARD_CODES);
        for (String id : CONTRACT_STANDARD_SCRATCH) {
            ep.promotion(id, false, id.substring(id.indexOf('-') + 1).toUpperCase(Locale.ROOT), 0);
        }
        ep.promotion(CONTRACT_RULE_SEEDED, true, "Seeded rules", CONTRACT_RULE_CODES);
        for (String id : CONTRACT_RULE_SCRATCH) {
            ep.promotion(id, true, id.substring(id.indexOf('-') + 1).toUpperCase(Locale.ROOT), 0);
        }
        ep.restrict(CONTRACT_STANDARD_SEEDED, CONTRACT_STANDARD_RESTRICTED, CONTRACT_RESTRICTED_TO.toArray(String[]::new));
        ep.restrict(CONTRACT_RULE_SEEDED, CONTRACT_RULE_RESTRICTED, CONTRACT_RESTRICTED_TO.toArray(String[]::new));
        return ep;
    }

    /**
     * The contract's fixture for an adapter on standard promotions, over
     * {@link #withContractData(ElasticPathSimulator)}'s data.
     *
     * @return the seeded standard promotion and its code count, the scratch promotions, and the
     *     restricted code with the users it is limited to
     */
    public static PromotionCodesContract.Fixture standardContractFixture() {
        return new PromotionCodesContract.Fixture(PromotionId.of(CONTRACT_STANDARD_SEEDED), CONTRACT_STANDARD_CODES,
                CONTRACT_STANDARD_SCRATCH.stream().map(PromotionId::of).toList(), CodeText.of(CONTRACT_STANDARD_RESTRICTED),
                CONTRACT_RESTRICTED_TO);
    }

    /**
     * The contract's fixture for an adapter on rule-based promotions, over
     * {@link #withContractData(ElasticPathSimulator)}'s data.
     *
     * @return the seeded rule-based promotion and its code count, the scratch promotions, and the
     *     restricted code with the users it is limited to
     */
    public static PromotionCodesContract.Fixture ruleBasedContractFixture() {
        return new PromotionCodesContract.Fixture(PromotionId.of(CONTRACT_RULE_SEEDED), CONTRACT_RULE_CODES,
                CONTRACT_RULE_SCRATCH.stream().map(PromotionId::of).toList(), CodeText.of(CONTRACT_RULE_RESTRICTED),
                CONTRACT_RESTRICTED_TO);
    }
}
