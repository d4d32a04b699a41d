package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import feign.Headers;
import feign.RequestLine;
import io.vavr.control.Either;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers and failures a hostile provider (or a broken piece of the path) produces, against a real
 * local server: absurd numbers and nesting are typed failures in bounded time and memory, and
 * anything a call throws — Errors included — is a typed failure, never an exception out of a port.
 */
class HostileAnswersTest {

    /** The answer shape of the test API. */
    record Balance(BigDecimal balance, String currency, JsonNode extra) {
    }

    @Headers({"Content-Type: application/json", "Accept: application/json"})
    interface BalanceApi {
        @RequestLine("GET /balance")
        Balance balance();

        @RequestLine("POST /balance")
        Balance change(Balance balance);
    }

    private LocalProvider provider;
    private static final byte[] GOOD = "{\"balance\":12.50,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8);
    private volatile byte[] body = GOOD;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        provider = new LocalProvider("/balance", this::answer);
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        LocalProvider.answer(exchange, 200, body);
    }

    private ProviderClient<BalanceApi> client(ProviderSpec spec) {
        return provider.client(BalanceApi.class, spec, 2);
    }

    private static ProviderSpec spec() {
        return LocalProvider.spec();
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** {@code call} answered with {@code answer}: its result, checked to come in bounded time and memory. */
    private <T> Either<ProviderFailure, T> bounded(String answer, Function<ProviderClient<BalanceApi>, Either<ProviderFailure, T>> call) {
        ProviderClient<BalanceApi> client = client(spec());
        body = GOOD;
        assertThat(client.read("warm-up", BalanceApi::balance).isRight()).isTrue();
        body = answer.getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        long before = allocated();
        Either<ProviderFailure, T> result = call.apply(client);
        long bytes = allocated() - before;
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time taken").isLessThan(Duration.ofSeconds(5));
        assertThat(bytes).as("bytes allocated by the call").isLessThan(64L * 1024 * 1024);
        return result;
    }

    @Test
    void aBalanceOfMinusOneEToTheBillionIsAnUnexpectedResponseInBoundedTimeAndMemory() {
        String answer = "{\"balance\":-1e999999999,\"currency\":\"USD\",\"note\":\"seventy bytes\"}";
        Either<ProviderFailure, BigDecimal> result = bounded(answer,
                c -> c.read("balance", api -> api.balance().balance().add(BigDecimal.ONE)));
        assertThat(result.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(result.getLeft().message()).contains("at most 100 digits").hasSizeLessThan(300);
    }

    @Test
    void absurdNumbersAsStringsInTreesAndAfterAWriteAreRefusedToo() {
        assertThat(bounded("{\"balance\":\"1e-99999\"}", c -> c.read("balance", BalanceApi::balance)).getLeft())
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(bounded("{\"extra\":{\"n\":[1e-999999999]}}", c -> c.read("balance", BalanceApi::balance))
                .getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(bounded("{\"balance\":" + "9".repeat(101) + ".5}", c -> c.read("balance", BalanceApi::balance))
                .getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(bounded("{\"balance\":1e999999999}", c -> c.write("change", api -> api.change(
                new Balance(BigDecimal.ONE, "USD", null)))).getLeft())
                .as("after a write, doubt").isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        assertThat(bounded("{\"balance\":1e100,\"extra\":0.0000000001}", c -> c.read("balance", BalanceApi::balance))
                .get().balance()).isEqualByComparingTo("1e100");
    }

    @Test
    void jsonNestedAHundredThousandDeepIsRefusedCheaply() {
        String deep = "{\"extra\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThat(bounded(deep, c -> c.read("balance", BalanceApi::balance)).getLeft())
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void aLongNumberAndAHugeStringAreRefused() {
        assertThat(bounded("{\"balance\":0." + "1".repeat(300) + "}", c -> c.read("balance", BalanceApi::balance))
                .getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(bounded("{\"currency\":\"" + "x".repeat(JsonSupport.MAX_STRING_LENGTH + 1) + "\"}",
                c -> c.read("balance", BalanceApi::balance)).getLeft())
                .isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void numbersSentAsTextAreBoundedBeforeTheyAreParsed() {
        assertThat(JsonSupport.decimal(" 12.50 ")).isEqualByComparingTo("12.5");
        assertThatThrownBy(() -> JsonSupport.decimal("-1e999999999")).isInstanceOf(MalformedAnswerException.class);
        assertThatThrownBy(() -> JsonSupport.decimal("1".repeat(100_000))).isInstanceOf(MalformedAnswerException.class)
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> JsonSupport.decimal("twelve")).isInstanceOf(NumberFormatException.class);
        assertThat(JsonSupport.bounded(null)).isNull();
    }

    @Test
    void anErrorThrownByACallIsATypedFailureAndAfterAWriteADoubt() {
        ProviderClient<BalanceApi> client = client(spec());
        Either<ProviderFailure, Balance> read = client.read("balance", api -> {
            throw new StackOverflowError();
        });
        assertThat(read.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(read.getLeft().message()).contains("StackOverflowError");
        Either<ProviderFailure, Balance> write = client.write("change", api -> {
            api.change(new Balance(BigDecimal.ONE, "USD", null));
            throw new AssertionError("a logger broke after sending");
        });
        assertThat(write.getLeft()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
        Either<ProviderFailure, Balance> sneaky = client.read("balance", api -> sneakyThrow(new IOException("checked")));
        assertThat(sneaky.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void aStackOverflowInTheCallIsATypedFailureAndTheClientStillWorks() {
        ProviderClient<BalanceApi> client = client(spec());
        int[] depth = {0};
        Either<ProviderFailure, Integer> result = client.read("balance", api -> recurse(api, depth));
        assertThat(result.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(client.read("balance", BalanceApi::balance).isRight()).as("the client still works").isTrue();
    }

    private static int recurse(BalanceApi api, int[] depth) {
        depth[0]++;
        return recurse(api, depth) + 1;
    }

    @Test
    void aCauseChainThatLoopsDoesNotHangTheGuard() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        Either<ProviderFailure, Balance> result = client(spec()).read("balance", api -> {
            throw a;
        });
        assertThat(result.getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
    }

    @Test
    void aJvmFailureIsNotSwallowed() {
        ProviderClient<BalanceApi> client = client(spec());
        assertThatThrownBy(() -> client.read("balance", api -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aTokenSourceThatThrowsAnErrorIsUnavailableAndNothingIsSent() {
        TokenSource broken = new TokenSource() {
            @Override
            public Either<ProviderFailure, Secret> current() {
                throw new StackOverflowError();
            }

            @Override
            public Either<ProviderFailure, Secret> replace(Secret rejected) {
                throw new StackOverflowError();
            }
        };
        ProviderClient<BalanceApi> client = client(spec().withTokens(broken, AuthScheme.bearer(),
                f -> f instanceof ProviderFailure.AccessDenied));
        int before = requests.get();
        assertThat(client.write("change", api -> api.change(new Balance(BigDecimal.ONE, "USD", null))).getLeft())
                .isInstanceOf(ProviderFailure.Unavailable.class);
        assertThat(requests.get()).isEqualTo(before);
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }
}
