package io.voucherport.adapter.ez;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.assertions.ReadmeSnippets;
import io.voucherport.testkit.ez.EzSimulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The README's "EZ Cards" example compiles, runs, and is the same code as in the README. */
class ReadmeExampleTest {

    @RegisterExtension
    static final EzSimulator EZ = EzSimulator.create().withSampleData();

    @Test
    void theReadmeExampleBuysACode() {
        String baseUrl = EZ.baseUrl();
        String apiKey = EzSimulator.DEFAULT_API_KEY;
        String accessToken = EzSimulator.DEFAULT_BEARER_TOKEN;
        // README:ez-begin
        try (EzCardsSupplier ez = EzCardsSupplier.builder()
                .baseUrl(baseUrl)                       // EzCardsSupplier.PRODUCTION or .SANDBOX
                .apiKey(Secret.of(apiKey))
                .bearerToken(Secret.of(accessToken))
                .readTimeout(Duration.ofSeconds(10))
                .build()) {
            OrderReference reference = OrderReference.generate();   // store it before buying
            Either<ProviderFailure, SupplierOrder> placed =
                    ez.place(OrderRequest.of(reference, OrderLine.of("8PX-UF-Y5U", 1)));
            if (placed.isLeft() && placed.getLeft() instanceof ProviderFailure.OutcomeUnknown unknown) {
                placed = ez.findOrderByReference(reference)          // never buy twice: look it up first
                        .flatMap(found -> found.toEither(unknown));
            }
            Either<ProviderFailure, OrderCodes> codes = placed.flatMap(order -> ez.fetchCodes(order.id()));
            codes.peek(c -> c.delivered().forEach(code -> System.out.println(code.code().get().masked())));
            // README:ez-end
            assertThat(codes.get().delivered()).hasSize(1);
        }
    }

    @Test
    void theReadmeShowsExactlyThisCode() {
        ReadmeSnippets.assertInReadme(ReadmeExampleTest.class, "ez", Path.of("../README.md"));
    }
}
