package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.adapter.support.ErrorClassifier;
import io.voucherport.adapter.support.HttpProblem;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProblemDecoder;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GiftHub's error answers, classified once, by operation. */
class GiftHubErrorsTest {

    private static final ErrorClassifier ERRORS = GiftHubErrors.classifier();
    private static final OrderReference REFERENCE = OrderReference.of("ref-1");

    private static HttpProblem problem(int status, String... messages) {
        return new HttpProblem(status, Option.some("req-1"), Option.none(), List.of(messages), Option.none());
    }

    @Test
    void gifthubsOwnMeaningsComeFirst() {
        assertThat(ERRORS.classify(problem(419, "Order expired"), Operation.write("confirm")))
                .isInstanceOf(ProviderFailure.Expired.class);
        assertThat(ERRORS.classify(problem(400, "Insufficient funds"), Operation.write("confirm")))
                .isInstanceOf(ProviderFailure.InsufficientFunds.class);
        ProviderFailure wallet = ERRORS.classify(problem(400, "Unknown wallet JPY"), Operation.placing(REFERENCE));
        assertThat(wallet).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(((ProviderFailure.InvalidRequest) wallet).reasons()).containsExactly("Unknown wallet JPY");
        assertThat(wallet.requestId()).contains("req-1");
    }

    @Test
    void aConflictIsARefusalNeverADuplicateOfTheReferenceWhichGiftHubDoesNotKeepUnique() {
        ProviderFailure conflict = ERRORS.classify(problem(409, "Conflict"), Operation.placing(REFERENCE));
        assertThat(conflict).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(conflict.provablyNotApplied()).isTrue();
        assertThat(ERRORS.classify(problem(409), Operation.write("confirm")))
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
    }

    @Test
    void aTokenGetTheServerDoesNotServeIsNotFoundSoPostIsAsked() {
        assertThat(ERRORS.classify(problem(405), GiftHubErrors.TOKEN_BY_GET)).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(ERRORS.classify(problem(404), GiftHubErrors.TOKEN_BY_GET)).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(ERRORS.classify(problem(405), Operation.read("token (POST)")))
                .isInstanceOf(ProviderFailure.InvalidRequest.class);
    }

    @Test
    void onlyA403RejectsTheToken() {
        assertThat(GiftHubErrors.tokenRejected(ERRORS.classify(problem(403), Operation.read("order")))).isTrue();
        assertThat(GiftHubErrors.tokenRejected(ERRORS.classify(problem(401), Operation.read("order")))).isFalse();
        assertThat(GiftHubErrors.tokenRejected(new ProviderFailure.NotFound(FailureDetails.of("gifthub", "x"))))
                .isFalse();
    }

    @Test
    void theErrorBodyIsReadTolerantly() {
        ProblemDecoder.BodyParser parser = GiftHubErrors.parser(JsonSupport.newObjectMapper());
        ProblemDecoder.ParsedBody body = parser.parse("""
                {"message": "Bad request", "error": "Unknown wallet", "errors": [{"message": "one"}, "two"],
                 "requestId": "r-7"}""".getBytes(StandardCharsets.UTF_8));
        assertThat(body.messages()).containsExactly("Bad request", "Unknown wallet", "one", "two");
        assertThat(body.requestId()).contains("r-7");
        assertThat(parser.parse("<html>502</html>".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(ProblemDecoder.ParsedBody.EMPTY);
    }
}
