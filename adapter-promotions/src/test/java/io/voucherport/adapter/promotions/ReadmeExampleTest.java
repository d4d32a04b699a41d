package io.voucherport.adapter.promotions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.assertions.ReadmeSnippets;
import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "Elastic Path" example compiles, runs, and is the same code as in the README. */
class ReadmeExampleTest {

    @RegisterExtension
    static final ElasticPathSimulator EP = ElasticPathSimulator.create().withSampleData();

    @Test
    void theReadmeExampleStreamsEveryCode() {
        String baseUrl = EP.baseUrl();
        String clientId = ElasticPathSimulator.DEFAULT_CLIENT_ID;
        String clientSecret = ElasticPathSimulator.DEFAULT_CLIENT_SECRET;
        AtomicLong unlimited = new AtomicLong();
        // README:elasticpath-begin
        try (ElasticPathPromotions promotions = ElasticPathPromotions.builder()
                .baseUrl(baseUrl)                                   // ElasticPathPromotions.EU_WEST, …
                .clientId(Secret.of(clientId))
                .clientSecret(Secret.of(clientSecret))              // omit for the read-only implicit grant
                .kind(PromotionKind.STANDARD)                       // or RULE_BASED (Promotions Builder)
                .requestsPerSecond(100)                             // a production store's limit
                .build()) {
            Either<ProviderFailure, Long> walked = promotions.codes(PromotionId.of("std-summer"))
                    .forEachItem(code -> {                          // one page in memory at a time
                        if (code.maxUses().isEmpty()) {
                            unlimited.incrementAndGet();
                        }
                    });
            walked.peek(n -> System.out.println(n + " codes, " + unlimited + " without a known limit"));
            // README:elasticpath-end
            assertThat(walked.get()).isEqualTo(250L);
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() {
        ReadmeSnippets.assertInReadme(ReadmeExampleTest.class, "elasticpath", Path.of("../README.md"));
    }
}
