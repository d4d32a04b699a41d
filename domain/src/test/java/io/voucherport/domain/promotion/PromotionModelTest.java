package io.voucherport.domain.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class PromotionModelTest {

    @Test
    void remainingAndMaximumUsesAreDistinctOptionalFacts() {
        PromotionCode legacy = new PromotionCode(CodeText.of("SPRING"), Option.none(), Option.some(ConsumeUnit.PER_CART),
                Option.none(), Option.some(3), Option.none(), Option.none(), Option.none());
        assertThat(legacy.remainingUses()).contains(3);
        assertThat(legacy.maxUses()).isEmpty();
        assertThatThrownBy(() -> new PromotionCode(CodeText.of("X"), Option.none(), Option.none(), Option.none(),
                Option.some(-1), Option.none(), Option.none(), Option.none()))
                .hasMessage("remaining uses must not be negative but was -1");
    }

    @Test
    void consumeUnitsBelongToTheirEngine() {
        assertThat(ConsumeUnit.Known.PER_CART.kind()).isEqualTo(PromotionKind.STANDARD);
        assertThat(ConsumeUnit.Known.PER_ITEM.kind()).isEqualTo(PromotionKind.STANDARD);
        assertThat(ConsumeUnit.Known.PER_APPLICATION.kind()).isEqualTo(PromotionKind.RULE_BASED);
        assertThat(ConsumeUnit.Known.PER_CHECKOUT.kind()).isEqualTo(PromotionKind.RULE_BASED);
        assertThat(new ConsumeUnit.Unknown("per_galaxy").raw()).isEqualTo("per_galaxy");
    }

    @Test
    void jobStatusesKnowWhenTheyEnd() {
        assertThat(JobStatus.Known.COMPLETED.isTerminal()).isTrue();
        assertThat(JobStatus.Known.CANCELLED.isTerminal()).isTrue();
        assertThat(JobStatus.Known.FAILED.isTerminal()).isTrue();
        assertThat(JobStatus.Known.CANCELLING.isTerminal()).isFalse();
        assertThat(JobStatus.Known.PENDING.isTerminal()).isFalse();
        assertThat(new JobStatus.Unknown("paused").isTerminal()).isFalse();
    }

    @Test
    void newCodesAndGenerationRequestsValidate() {
        assertThatThrownBy(() -> CodeText.of("")).hasMessage("promotion code must not be blank");
        assertThatThrownBy(() -> CodeText.of("C".repeat(129)))
                .hasMessage("promotion code must be at most 128 characters but has 129");
        assertThatThrownBy(() -> new NewPromotionCode(CodeText.of("A"), Option.some(0), Option.none(), Option.none()))
                .hasMessage("allowed uses must be at least 1 but was 0");
        assertThatThrownBy(() -> new CodeGenerationRequest(0, Option.none(), 8, Option.none(), Option.none()))
                .hasMessage("count must be at least 1 but was 0");
        assertThatThrownBy(() -> new CodeGenerationRequest(5, Option.some("SUMMERSALE"), 8, Option.none(), Option.none()))
                .hasMessage("prefix must be shorter than the code length 8");
        assertThat(new CodeGenerationRequest(5, Option.some("VP"), 8, Option.some(1), Option.none()).count()).isEqualTo(5);
        assertThatThrownBy(() -> PromotionId.of("../promotions")).hasMessageStartingWith("promotion id must not contain");
    }

    @Test
    void aCodeKeepsEveryUserItIsRestrictedTo() {
        PromotionCode several = new PromotionCode(CodeText.of("VIP"), Option.none(), Option.none(),
                java.util.List.of("customer-1", "customer-2"), Option.none(), Option.none(), Option.none(), Option.none());
        assertThat(several.users()).containsExactly("customer-1", "customer-2");
        assertThat(PromotionCode.of(CodeText.of("ANY")).users()).isEmpty();
        assertThat(new PromotionCode(CodeText.of("ONE"), Option.none(), Option.none(), Option.some("customer-7"),
                Option.none(), Option.none(), Option.none(), Option.none()).users()).containsExactly("customer-7");
        assertThatThrownBy(() -> new PromotionCode(CodeText.of("X"), Option.none(), Option.none(), java.util.List.of(" "),
                Option.none(), Option.none(), Option.none(), Option.none())).hasMessage("user must not be blank");
    }
}
