package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.supply.OrderCodes;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the benchmarks compare must be the same work: every client, over the same stub, returns
 * the same domain objects as the adapters. Not a timing test.
 */
class ClientsAgreeTest {

    private static LoopbackStub stub;

    @BeforeAll
    static void start() {
        stub = LoopbackStub.start(Scenario.routes());
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void everyClientReturnsWhatTheAdapterReturns(Scenario scenario) {
        Object expected;
        try (BenchClient adapter = Clients.open(Clients.ADAPTER, stub.url())) {
            expected = adapter.call(scenario);
        }
        for (String name : List.of(Clients.FLOOR_URL_CONNECTION, Clients.FLOOR_HTTP_CLIENT, Clients.FEIGN_DEFAULTS,
                Clients.TRANSPORT_POOLED, Clients.TRANSPORT_FEIGN_HC5, Clients.TRANSPORT_JAVA11,
                Clients.TRANSPORT_URL_CONNECTION)) {
            try (BenchClient client = Clients.open(name, stub.url())) {
                assertThat(client.call(scenario)).as(name).isEqualTo(expected);
            }
        }
        try (BenchClient canned = Clients.canned()) {
            assertThat(canned.call(scenario)).as("in-memory Feign client").isEqualTo(expected);
        }
    }

    @Test
    void theCallsReturnWhatThePayloadsHold() {
        try (BenchClient adapter = Clients.open(Clients.ADAPTER, stub.url())) {
            OrderCodes codes = (OrderCodes) adapter.call(Scenario.EZ_CODES);
            assertThat(codes.delivered()).hasSize(Payloads.EZ_CODES);
            assertThat(codes.isComplete()).isTrue();
            @SuppressWarnings("unchecked")
            List<PromotionCode> all = (List<PromotionCode>) adapter.call(Scenario.EP_ALL_CODES);
            assertThat(all).hasSize(Payloads.EP_PAGE * Payloads.EP_PAGES);
            assertThat(all.stream().map(c -> c.code().value()).distinct()).hasSize(all.size());
        }
    }

    @Test
    void theRawSocketReadsWholeAnswers() {
        try (BenchClient raw = Clients.open(Clients.RAW_SOCKET, stub.url())) {
            assertThat(raw.call(Scenario.EZ_CODES)).isEqualTo((long) Payloads.ezCodes().length);
            assertThat(raw.call(Scenario.EZ_CODES)).isEqualTo((long) Payloads.ezCodes().length);
        }
    }

    @Test
    void theAdaptersKeepConnectionsInTheirPool() throws Exception {
        try (LoopbackStub counted = LoopbackStub.start(Scenario.routes());
                BenchClient adapter = Clients.open(Clients.ADAPTER, counted.url())) {
            ExecutorService callers = Executors.newFixedThreadPool(48);
            try {
                List<Future<Object>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 480; i++) {
                    calls.add(callers.submit(() -> adapter.call(Scenario.SHOPLAZZA_CODE)));
                }
                for (Future<Object> call : calls) {
                    call.get();
                }
            } finally {
                callers.shutdown();
            }
            assertThat(counted.requestsServed()).isEqualTo(480);
            assertThat(counted.connectionsAccepted())
                    .isLessThanOrEqualTo(io.voucherport.adapter.support.SharedHttpClient.DEFAULT_MAX_CONNECTIONS);
        }
    }
}
