package io.voucherport.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopbackStubTest {

    @Test
    void readsOffsetsWithOrWithoutEncodedBrackets() {
        assertThat(Scenario.offset("/v2/promotions/x/codes?page%5Blimit%5D=100&page%5Boffset%5D=300")).isEqualTo(300);
        assertThat(Scenario.offset("/v2/promotions/x/codes?page[limit]=100&page[offset]=9900")).isEqualTo(9900);
        assertThat(Scenario.offset("/v2/promotions/x/codes")).isZero();
    }

    @Test
    void keepsConnectionsAliveAndCountsThem() {
        try (LoopbackStub stub = LoopbackStub.start(Scenario.routes());
                BenchClient raw = Clients.open(Clients.RAW_SOCKET, stub.url())) {
            for (int i = 0; i < 20; i++) {
                raw.call(Scenario.SHOPLAZZA_CODE);
            }
            raw.call(Scenario.EP_ALL_CODES);
            assertThat(stub.requestsServed()).isEqualTo(20 + Payloads.EP_PAGES);
            assertThat(stub.connectionsAccepted()).isEqualTo(1);
        }
    }
}
