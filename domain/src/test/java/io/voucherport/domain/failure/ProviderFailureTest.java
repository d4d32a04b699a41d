package io.voucherport.domain.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Option;
import io.voucherport.domain.supply.OrderReference;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderFailureTest {

    private static final FailureDetails DETAILS =
            FailureDetails.of("ez-cards", 503, Option.some("req-1"), "service unavailable");

    @Test
    void everyFailureCarriesProviderStatusAndRequestId() {
        ProviderFailure failure = new ProviderFailure.Unavailable(DETAILS, Option.some(Duration.ofSeconds(2)));
        assertThat(failure.provider()).isEqualTo("ez-cards");
        assertThat(failure.httpStatus()).contains(503);
        assertThat(failure.requestId()).contains("req-1");
        assertThat(failure.message()).isEqualTo("service unavailable");
        assertThat(failure.details().withAttempts(4).attempts()).isEqualTo(4);
    }

    @Test
    void classifiesWhatACallerMayDoNext() {
        assertThat(new ProviderFailure.RateLimited(DETAILS, Option.none()).isTransient()).isTrue();
        assertThat(new ProviderFailure.Unavailable(DETAILS, Option.none()).isTransient()).isTrue();
        assertThat(new ProviderFailure.OutcomeUnknown(DETAILS).isTransient()).isFalse();
        assertThat(new ProviderFailure.OutcomeUnknown(DETAILS).provablyNotApplied()).isFalse();
        assertThat(new ProviderFailure.UnexpectedResponse(DETAILS).provablyNotApplied()).isFalse();
        assertThat(new ProviderFailure.InvalidRequest(DETAILS, List.of("bad")).provablyNotApplied()).isTrue();
        assertThat(new ProviderFailure.NotFound(DETAILS).provablyNotApplied()).isTrue();
        assertThat(new ProviderFailure.DuplicateReference(DETAILS, OrderReference.of("r"), Option.none())
                .isTransient()).isFalse();
    }

    @Test
    void detailsValidate() {
        assertThatThrownBy(() -> FailureDetails.of(" ", "m")).hasMessage("provider must not be blank");
        assertThatThrownBy(() -> DETAILS.withAttempts(0)).hasMessage("attempts must be at least 1 but was 0");
        assertThatThrownBy(() -> new ProviderFailure.InvalidRequest(DETAILS, null))
                .isInstanceOf(NullPointerException.class);
    }
}
