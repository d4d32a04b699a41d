package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import io.vavr.control.Option;
import io.voucherport.domain.failure.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemDecoderTest {

    private static Response response(int status, String body, Map<String, Collection<String>> headers) {
        Request request = Request.create(Request.HttpMethod.GET, "http://x/y", Map.of(), null, StandardCharsets.UTF_8, null);
        return Response.builder().status(status).request(request).headers(headers)
                .body(body, StandardCharsets.UTF_8).build();
    }

    private final ProblemDecoder decoder = new ProblemDecoder(
            body -> new ProblemDecoder.ParsedBody(Option.none(), Option.some("CODE"), List.of(ProblemDecoder.text(body))),
            List.of("x-request-id"));

    @Test
    void readsBodyRequestIdAndRetryAfterSeconds() {
        Map<String, Collection<String>> headers = new HashMap<>();
        headers.put("X-Request-Id", List.of("req-7"));
        headers.put("retry-after", List.of("12"));
        HttpProblem problem = ((ProviderProblemException) decoder.decode("k", response(503, "busy", headers))).problem();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.requestId()).contains("req-7");
        assertThat(problem.code()).contains("CODE");
        assertThat(problem.messages()).containsExactly("busy");
        assertThat(problem.retryAfter()).contains(Duration.ofSeconds(12));
        assertThat(problem.describe()).isEqualTo("HTTP 503 CODE: busy");
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
        Option<Duration> wait = ProblemDecoder.retryAfter(Map.of("Retry-After", List.of(inTenSeconds)));
        assertThat(wait.get()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(ProblemDecoder.retryAfter(Map.of("Retry-After", List.of("soon")))).isEmpty();
    }

    @Test
    void standardMeaningOfStatuses() {
        ErrorClassifier standard = ErrorClassifier.standard("p");
        HttpProblem problem = new HttpProblem(500, Option.none(), Option.none(), List.of(), Option.none());
        assertThat(standard.classify(problem, Operation.write("w"))).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(standard.classify(problem, Operation.read("r"))).isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(standard.classify(new HttpProblem(403, Option.none(), Option.none(), List.of(), Option.none()), Operation.read("r")))
                .isInstanceOf(ProviderFailure.AccessDenied.class);
        assertThat(standard.classify(new HttpProblem(422, Option.none(), Option.none(), List.of("bad"), Option.none()), Operation.write("w")))
                .isInstanceOfSatisfying(ProviderFailure.InvalidRequest.class, f -> assertThat(f.reasons()).containsExactly("bad"));
        assertThat(standard.classify(new HttpProblem(302, Option.none(), Option.none(), List.of(), Option.none()), Operation.read("r")))
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }
}
