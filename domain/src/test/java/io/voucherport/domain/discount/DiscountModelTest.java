package io.voucherport.domain.discount;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DiscountModelTest {

    @Test
    void unlimitedIsARealValue() {
        assertThat(UsageLimit.UNLIMITED.allowsAnotherUse(Integer.MAX_VALUE)).isTrue();
        assertThat(UsageLimit.of(3).allowsAnotherUse(2)).isTrue();
        assertThat(UsageLimit.of(3).allowsAnotherUse(3)).isFalse();
        assertThatThrownBy(() -> UsageLimit.of(-1)).hasMessage("usage limit must not be negative but was -1");
    }

    @Test
    void discountValuesValidate() {
        assertThatThrownBy(() -> new DiscountValue.Percentage(new BigDecimal("101")))
                .hasMessage("percent must be above 0 and at most 100 but was 101");
        assertThatThrownBy(() -> new DiscountValue.FixedAmount(new BigDecimal("-10.0")))
                .hasMessage("amount must be positive but was -10.0");
    }

    @Test
    void draftsEndAfterTheyStart() {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        assertThatThrownBy(() -> new PriceRuleDraft("Spring", new DiscountValue.Percentage(BigDecimal.TEN),
                UsageLimit.UNLIMITED, start, Option.some(start)))
                .hasMessage("ends at 2025-01-01T00:00:00Z must be after starts at 2025-01-01T00:00:00Z");
        assertThat(new PriceRuleDraft("Spring", new DiscountValue.Percentage(BigDecimal.TEN), UsageLimit.of(100),
                start, Option.none()).endsAt()).isEmpty();
    }

    @Test
    void codesValidate() {
        assertThatThrownBy(() -> new NewDiscountCode("TEN OFF")).hasMessage("discount code must not contain whitespace");
        assertThatThrownBy(() -> new DiscountCode(DiscountCodeId.of("1"), PriceRuleId.of("2"), "X", -1, true,
                Option.none(), Option.none())).hasMessage("usage count must not be negative but was -1");
        assertThat(PriceRuleId.of("12345678901234567890123").value()).isEqualTo("12345678901234567890123");
    }

    @Test
    void aRulesUsageLimitIsJudgedByTheRulesOwnUsesAndUnknownUsesAreNotGuessed() {
        PriceRule used = rule(UsageLimit.of(100), Option.some(100));
        assertThat(used.allowsAnotherUse()).contains(false);
        assertThat(rule(UsageLimit.of(100), Option.some(99)).allowsAnotherUse()).contains(true);
        assertThat(rule(UsageLimit.of(100), Option.none()).allowsAnotherUse()).as("not reported: not guessed").isEmpty();
        assertThat(rule(UsageLimit.UNLIMITED, Option.none()).allowsAnotherUse()).contains(true);
        assertThatThrownBy(() -> rule(UsageLimit.of(1), Option.some(-1)))
                .hasMessage("times used must not be negative but was -1");
    }

    private static PriceRule rule(UsageLimit limit, Option<Integer> timesUsed) {
        return new PriceRule(PriceRuleId.of("r1"), "Rule", Option.none(), limit, timesUsed, Option.some(UsageLimit.of(1)),
                Option.none(), Option.none(), Option.none());
    }
}
