package io.voucherport.adapter.discounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.adapter.support.RateLimiter;
import io.voucherport.adapter.support.Sleeper;
import io.voucherport.domain.Secret;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile review of issue 16 for Shoplazza: the raw fields of a code ({@link ShoplazzaCode#raw()})
 * never show the store's access token, even when Shoplazza echoes it under a field name no
 * masking rule knows. Payload: Shoplazza's Get Discount Code page with one extra field.
 */
class ShoplazzaRawAttackTest {

    private ShoplazzaSimulator shop;
    private ShoplazzaDiscounts now;

    @BeforeEach
    void start() {
        shop = ShoplazzaSimulator.create().bucket(10_000, 10_000).withSampleData();
        shop.start();
        now = ShoplazzaDiscounts.builder().storeUrl(shop.baseUrl()).version(ShoplazzaVersion.V2025_06)
                .tokens(AccessTokenProvider.fixed(Secret.of(ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN)))
                .rateLimiter(new RateLimiter(10_000, 10_000, System::nanoTime, Sleeper.THREAD)).sleeper(d -> { })
                .build();
    }

    @AfterEach
    void stop() {
        now.close();
        shop.close();
    }

    @Test
    void theAccessTokenEchoedUnderAnUnknownNameIsNeverShownByRaw() {
        String token = ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN;
        shop.inject(ShoplazzaSimulator.Endpoint.LOOKUP_CODE, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"code\"\\s*:\\s*\"FIVEOFF\")\u0000$1, \"created_by_session\": \""
                        + Matcher.quoteReplacement(token) + "\""));

        ShoplazzaCode code = now.lookupAnswer("FIVEOFF").get().get();

        assertThat(code.raw().names()).as("the hostile field arrived").contains("created_by_session");
        assertThat(code.raw().json() + code).doesNotContain(token);
    }
}
