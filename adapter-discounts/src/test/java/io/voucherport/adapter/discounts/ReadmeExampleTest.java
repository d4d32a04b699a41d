package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.discount.DiscountCode;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.testkit.assertions.ReadmeSnippets;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Shoplazza" example compiles, runs, and is the same code as in the README. */
class ReadmeExampleTest {

    @RegisterExtension
    static final ShoplazzaSimulator SHOPLAZZA = ShoplazzaSimulator.create().withSampleData();

    @Test
    void theReadmeExampleChecksACode() {
        String storeUrl = SHOPLAZZA.baseUrl();
        String accessToken = ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN;
        // README:shoplazza-begin
        try (ShoplazzaDiscounts shop = ShoplazzaDiscounts.builder()
                .storeUrl(storeUrl)                          // or .store("my-store") for https://my-store.myshoplaza.com
                .version(ShoplazzaVersion.V2025_06)          // explicit: each version has its own dialect
                .tokens(AccessTokenProvider.fixed(Secret.of(accessToken)))   // or a ShoplazzaOAuth
                .build()) {
            Either<ProviderFailure, Option<DiscountCode>> found = shop.lookup("FIVEOFF");
            Either<ProviderFailure, Boolean> redeemable = found.flatMap(code -> code.isEmpty()
                    ? Either.right(false)
                    : shop.get(code.get().priceRuleId())   // the rule's limit counts the uses of all its codes
                            .map(rule -> rule.allowsAnotherUse().getOrElse(false)));   // unknown: CheckDiscountCodes counts them
            redeemable.peek(ok -> System.out.println("FIVEOFF redeemable: " + ok));
            // README:shoplazza-end
            assertThat(redeemable.get()).isTrue();
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() {
        ReadmeSnippets.assertInReadme(ReadmeExampleTest.class, "shoplazza", Path.of("../README.md"));
    }
}
