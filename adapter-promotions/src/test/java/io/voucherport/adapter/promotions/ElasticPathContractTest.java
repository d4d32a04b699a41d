package io.voucherport.adapter.promotions;

import io.voucherport.domain.Secret;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.contract.PromotionCodesContract;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Elastic Path adapter, for both engines and both list shapes, passes the promotion-codes contract. */
class ElasticPathContractTest {

    @RegisterExtension
    static final ElasticPathSimulator EP = ElasticPathSimulator.create()
            .promotion("std-seeded", false, "Seeded", 230).promotion("std-a", false, "A", 0)
            .promotion("std-b", false, "B", 0).promotion("std-c", false, "C", 0)
            .promotion("rule-seeded", true, "Seeded rules", 130).promotion("rule-a", true, "A", 0)
            .promotion("rule-b", true, "B", 0).promotion("rule-c", true, "C", 0);

    private static final List<ElasticPathPromotions> OPEN = new java.util.ArrayList<>();

    static ElasticPathPromotions adapter(PromotionKind kind) {
        ElasticPathPromotions adapter = ElasticPathPromotions.builder().baseUrl(EP.baseUrl())
                .clientId(ElasticPathSimulator.DEFAULT_CLIENT_ID)
                .clientSecret(Secret.of(ElasticPathSimulator.DEFAULT_CLIENT_SECRET))
                .kind(kind).pageSize(50).requestsPerSecond(0).build();
        OPEN.add(adapter);
        return adapter;
    }

    @AfterAll
    static void close() {
        OPEN.forEach(ElasticPathPromotions::close);
    }

    @Nested
    class StandardPromotionsNestedLists extends PromotionCodesContract {
        private final ElasticPathPromotions adapter = adapter(PromotionKind.STANDARD);

        @Override
        protected PromotionCodes promotions() {
            EP.flatCodeLists(false);
            return adapter;
        }

        @Override
        protected Fixture fixture() {
            return new Fixture(PromotionId.of("std-seeded"), 230,
                    List.of(PromotionId.of("std-a"), PromotionId.of("std-b"), PromotionId.of("std-c")));
        }
    }

    @Nested
    class RuleBasedPromotionsFlatLists extends PromotionCodesContract {
        private final ElasticPathPromotions adapter = adapter(PromotionKind.RULE_BASED);

        @Override
        protected PromotionCodes promotions() {
            EP.flatCodeLists(true);
            return adapter;
        }

        @Override
        protected Fixture fixture() {
            return new Fixture(PromotionId.of("rule-seeded"), 130,
                    List.of(PromotionId.of("rule-a"), PromotionId.of("rule-b"), PromotionId.of("rule-c")));
        }
    }
}
