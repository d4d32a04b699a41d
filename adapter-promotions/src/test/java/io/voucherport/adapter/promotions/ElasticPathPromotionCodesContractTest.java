package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.contract.PromotionCodesContract;
import io.voucherport.testkit.elasticpath.ElasticPathSampleData;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Elastic Path adapter, for both engines and both list shapes, passes the promotion-codes contract. */
class ElasticPathPromotionCodesContractTest {

    @RegisterExtension
    static final ElasticPathSimulator EP = ElasticPathSampleData.withContractData(ElasticPathSimulator.create());

    private static final List<ElasticPathPromotions> OPEN = new ArrayList<>();

    static ElasticPathPromotions adapter(PromotionKind kind) {
        ElasticPathPromotions adapter = ElasticPathPromotions.builder().baseUrl(EP.baseUrl())
                .clientId(Secret.of(ElasticPathSampleData.CLIENT_ID))
                .clientSecret(Secret.of(ElasticPathSampleData.CLIENT_SECRET))
                .kind(kind).pageSize(50).requestsPerSecond(0).build();
        OPEN.add(adapter);
        return adapter;
    }

    @AfterAll
    static void close() {
        OPEN.forEach(ElasticPathPromotions::close);
    }

    /**
     * Beyond the contract's check that too many codes are refused as a value: Elastic Path is not
     * even asked (no create request reaches the simulator).
     */
    static void tooManyCodesAreRefusedAsAValue(PromotionCodes promotions, PromotionId scratch) {
        List<NewPromotionCode> many = new ArrayList<>();
        for (int i = 0; i <= promotions.maxCodesPerCreate(); i++) {
            many.add(NewPromotionCode.of(CodeText.of("CONTRACT-LIMIT-" + i)));
        }
        int sent = EP.requests(Endpoint.CREATE_CODES);
        Either<ProviderFailure, List<PromotionCode>> refused = promotions.createCodes(scratch, many);
        assertThat(refused.isLeft()).isTrue();
        assertThat(refused.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(refused.getLeft().provablyNotApplied()).isTrue();
        assertThat(refused.getLeft().message()).contains("at most");
        assertThat(EP.requests(Endpoint.CREATE_CODES)).isEqualTo(sent);
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
            return ElasticPathSampleData.standardContractFixture();
        }

        @Test
        void tooManyCodesAtOnceAreNotEvenSent() {
            tooManyCodesAreRefusedAsAValue(promotions(), fixture().scratch().get(0));
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
            return ElasticPathSampleData.ruleBasedContractFixture();
        }

        @Test
        void tooManyCodesAtOnceAreNotEvenSent() {
            tooManyCodesAreRefusedAsAValue(promotions(), fixture().scratch().get(0));
        }
    }
}
