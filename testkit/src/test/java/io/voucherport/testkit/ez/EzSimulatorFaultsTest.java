package io.voucherport.testkit.ez;

import static io.voucherport.testkit.sim.SimJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.testkit.ez.EzSimulator.Endpoint;
import io.voucherport.testkit.sim.SimClient;
import io.voucherport.testkit.sim.SimClient.Answer;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The EZ simulator's realistic misbehaviours: lagging lookups, late commits, refusals, incomplete answers. */
class EzSimulatorFaultsTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(200);

    private final ManualClock clock = new ManualClock();
    private EzSimulator ez;
    private SimClient client;

    @BeforeEach
    void start() {
        ez = EzSimulator.create().withSampleData().clock(clock);
        ez.start();
        client = new SimClient(ez.baseUrl()).header("x-api-key", EzSimulator.DEFAULT_API_KEY)
                .header("Authorization", "Bearer " + EzSimulator.DEFAULT_BEARER_TOKEN);
    }

    @AfterEach
    void stop() {
        ez.close();
    }

    // --- lookups that lag ---

    @Test
    void withoutALagAnOrderIsFoundAtOnce() {
        String id = instant("r-1").data().get("transactionId").toString();

        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).extracting(o -> o.get("transactionId"))
                .containsExactly(id);
        assertThat(items(client.get("/v2/orders?transactionId=" + id))).hasSize(1);
    }

    @Test
    void lookupsFindACommittedOrderOnlyOnceTheLagHasPassedOnTheSimulatorsClock() {
        ez.lookupLag(Duration.ofSeconds(5));
        String id = instant("r-1").data().get("transactionId").toString();

        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).isEmpty();
        assertThat(items(client.get("/v2/orders?transactionId=" + id))).isEmpty();
        assertThat(items(client.get("/v2/orders"))).isEmpty();
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
        assertThat(ez.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
        assertThat(client.get("/v2/orders/" + id + "/codes").status()).as("codes are read by id, not from the index")
                .isEqualTo(200);

        clock.advance(Duration.ofMillis(4_999));
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).extracting(o -> o.get("transactionId"))
                .containsExactly(id);
        assertThat(items(client.get("/v2/orders?transactionId=" + id))).hasSize(1);
    }

    @Test
    void theDuplicateCheckSeesAnOrderTheLookupsDoNotSeeYet() {
        ez.lookupLag(Duration.ofMinutes(1));
        instant("r-1");

        Answer again = instant("r-1");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json()).containsEntry("error", "CLIENT_ORDER_NUMBER_DUPLICATE");
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).isEmpty();
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
    }

    @Test
    void fulfilPendingLetsTheLookupsCatchUp() {
        ez.lookupLag(Duration.ofHours(1));
        bulk("r-1");

        ez.fulfilPending();

        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("status", "COMPLETED"));
    }

    @Test
    void aDuplicateMayBeRefusedWithAnotherStatus() {
        ez.duplicateStatus(400);
        instant("r-1");

        Answer again = instant("r-1");

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json()).containsEntry("error", "CLIENT_ORDER_NUMBER_DUPLICATE")
                .containsEntry("clientOrderNumber", "r-1");
    }

    // --- a first request still in flight ---

    @Test
    void aHeldCreateAnswersNothingAndCommitsAfterTheCallerTimedOut() {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofMillis(700)));

        Answer first = client.send("POST", "/v2/orders/instant", instantBody("r-1"), CLIENT_TIMEOUT);

        assertThat(first.status()).as(first.failure()).isEqualTo(-1);
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).isEmpty();
        assertThat(ez.ordersWithReference("r-1")).isZero();
        assertThat(ez.lateCommitsInFlight()).isEqualTo(1);

        assertThat(ez.awaitLateCommits(Duration.ofSeconds(5))).isTrue();

        assertThat(ez.lateCommitsInFlight()).isZero();
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).hasSize(1);
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
        assertThat(ez.balanceOf("USD")).isEqualByComparingTo("9990.25");
    }

    @Test
    void aReplacementThatLandsFirstMakesTheHeldRequestADuplicate() {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofMillis(700)));
        assertThat(client.send("POST", "/v2/orders/instant", instantBody("r-1"), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        Answer replacement = instant("r-1");
        assertThat(ez.awaitLateCommits(Duration.ofSeconds(5))).isTrue();

        assertThat(replacement.status()).isEqualTo(200);
        assertThat(ez.paidOrders()).containsExactly(
                Map.entry("r-1", List.of(replacement.data().get("transactionId").toString())));
        assertThat(ez.balanceOf("USD")).isEqualByComparingTo("9990.25");
    }

    @Test
    void aHeldRequestThatCommitsFirstMakesTheReplacementADuplicate() {
        ez.inject(Endpoint.CREATE_BULK_ORDER, SimFault.commitLater(Duration.ofMillis(300)));
        assertThat(client.send("POST", "/v2/orders", bulkBody("r-1"), Duration.ofMillis(100)).status()).isEqualTo(-1);
        assertThat(ez.awaitLateCommits(Duration.ofSeconds(5))).isTrue();

        Answer replacement = bulk("r-1");

        assertThat(replacement.status()).isEqualTo(409);
        assertThat(replacement.json()).containsEntry("error", "CLIENT_ORDER_NUMBER_DUPLICATE");
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
    }

    @Test
    void fulfilPendingCommitsHeldRequestsFirst() {
        ez.inject(Endpoint.CREATE_BULK_ORDER, SimFault.commitLater(Duration.ofSeconds(30)));
        assertThat(client.send("POST", "/v2/orders", bulkBody("r-1"), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        long started = System.nanoTime();
        ez.fulfilPending();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(ez.lateCommitsInFlight()).isZero();
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
        String id = ez.paidOrders().get("r-1").get(0);
        assertThat(ez.deliveredSecretsOf(id)).hasSize(2 * 3);
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).singleElement()
                .satisfies(o -> assertThat(o).containsEntry("status", "COMPLETED"));
    }

    @Test
    void aHeldRequestCanCommitOnTheSimulatorsClockJustBeforeTheNextRequest() {
        ez.lookupLag(Duration.ofSeconds(5));
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofSeconds(30), Duration.ofSeconds(3)));
        assertThat(client.send("POST", "/v2/orders/instant", instantBody("r-1"), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        clock.advance(Duration.ofMillis(2_999));
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).isEmpty();
        assertThat(ez.ordersWithReference("r-1")).isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).as("committed now, then lags").isEmpty();
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
        assertThat(ez.lateCommitsInFlight()).isZero();
        assertThat(instant("r-1").status()).isEqualTo(409);

        clock.advance(Duration.ofSeconds(5));
        assertThat(items(client.get("/v2/orders?clientOrderNumber=r-1"))).hasSize(1);
    }

    @Test
    void aHeldRequestIsDroppedAsSoonAsItCommits() throws Exception {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofSeconds(30), Duration.ofSeconds(1)));
        CompletableFuture<Answer> held = client.sendAsync("POST", "/v2/orders/instant", instantBody("r-1"),
                Duration.ofSeconds(20));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ez.lateCommitsInFlight() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        clock.advance(Duration.ofSeconds(1));
        assertThat(client.get("/v2/balances").status()).isEqualTo(200);

        assertThat(held.get(5, TimeUnit.SECONDS).status()).as("reset right after the commit").isEqualTo(-1);
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
    }

    @Test
    void closingDoesNotWaitForAHeldRequestNorCommitIt() {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitLater(Duration.ofSeconds(20)));
        assertThat(client.send("POST", "/v2/orders/instant", instantBody("r-1"), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        long started = System.nanoTime();
        ez.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(ez.awaitLateCommits(Duration.ofSeconds(5))).isTrue();
        assertThat(ez.ordersWithReference("r-1")).isZero();
    }

    // --- refusals of a re-placement ---

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(SimFault.insufficientFunds(), 400, "INSUFFICIENT_FUNDS"),
                Arguments.of(SimFault.status(403), 403, "HTTP_403"),
                Arguments.of(SimFault.tooManyRequests(2), 429, "HTTP_429"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aCommitThenDropFollowedByARefusalOfTheReplacement(SimFault refusal, int status, String error) {
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, SimFault.commitThenDrop());
        ez.inject(Endpoint.CREATE_INSTANT_ORDER, refusal);

        assertThat(instant("r-1").status()).isEqualTo(-1);
        Answer replacement = instant("r-1");

        assertThat(replacement.status()).isEqualTo(status);
        assertThat(replacement.json()).containsEntry("error", error);
        assertThat(ez.ordersWithReference("r-1")).isEqualTo(1);
        assertThat(instant("r-1").status()).as("the queue is used up").isEqualTo(409);
    }

    // --- answers without quantities or with a SKU missing ---

    @Test
    void omitQuantitiesLeavesTheQuantitiesOutOfOneLookupAnswer() {
        bulk("r-1");
        ez.inject(Endpoint.GET_ORDERS, SimFault.omitQuantities());

        Map<String, Object> spoiled = items(client.get("/v2/orders?clientOrderNumber=r-1")).get(0);
        Map<String, Object> whole = items(client.get("/v2/orders?clientOrderNumber=r-1")).get(0);

        assertThat(products(spoiled)).extracting(p -> p.get("sku")).containsExactly("8PX-UF-Y5U", "AMZ-US-25");
        assertThat(products(spoiled)).allSatisfy(p -> assertThat(p).doesNotContainKey("quantity"));
        assertThat(products(whole)).extracting(p -> p.get("quantity")).containsExactly(2, 1);
    }

    @Test
    void omitQuantitiesLeavesTheQuantitiesOutOfTheCodesAndTheCreateAnswer() {
        ez.inject(Endpoint.CREATE_BULK_ORDER, SimFault.omitQuantities());
        Answer created = bulk("r-1");
        String id = created.data().get("transactionId").toString();
        ez.fulfilPending();
        ez.inject(Endpoint.GET_CODES, SimFault.omitQuantities());

        List<Map<String, Object>> spoiled = client.get("/v2/orders/" + id + "/codes").dataList();
        List<Map<String, Object>> whole = client.get("/v2/orders/" + id + "/codes").dataList();

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.text()).doesNotContain("\"quantity\"");
        assertThat(spoiled).allSatisfy(line -> assertThat(line).doesNotContainKey("quantity"));
        assertThat(spoiled).flatMap(line -> codes(line)).hasSize(3);
        assertThat(whole).extracting(line -> line.get("quantity")).containsExactly(2, 1);
    }

    @Test
    void dropOneSkuLeavesTheLastSkuOutOfOneLookupAndOneCodesAnswer() {
        String id = bulk("r-1").data().get("transactionId").toString();
        ez.fulfilPending();
        ez.inject(Endpoint.GET_ORDERS, SimFault.dropOneSku());
        ez.inject(Endpoint.GET_CODES, SimFault.dropOneSku());

        Map<String, Object> order = items(client.get("/v2/orders?clientOrderNumber=r-1")).get(0);
        List<Map<String, Object>> codes = client.get("/v2/orders/" + id + "/codes").dataList();

        assertThat(order).containsEntry("status", "COMPLETED");
        assertThat(products(order)).extracting(p -> p.get("sku")).containsExactly("8PX-UF-Y5U");
        assertThat(codes).extracting(line -> line.get("sku")).containsExactly("8PX-UF-Y5U");
        assertThat(codes).flatMap(line -> codes(line)).hasSize(2);

        assertThat(products(items(client.get("/v2/orders?clientOrderNumber=r-1")).get(0))).hasSize(2);
        assertThat(client.get("/v2/orders/" + id + "/codes").dataList()).flatMap(line -> codes(line)).hasSize(3);
    }

    @Test
    void dropSkuAndOmitQuantitiesTogether() {
        String id = bulk("r-1").data().get("transactionId").toString();
        ez.inject(Endpoint.GET_CODES, SimFault.dropSku("8PX-UF-Y5U"));
        ez.inject(Endpoint.GET_CODES, SimFault.omitQuantitiesAndDropOneSku());

        List<Map<String, Object>> first = client.get("/v2/orders/" + id + "/codes").dataList();
        List<Map<String, Object>> second = client.get("/v2/orders/" + id + "/codes").dataList();

        assertThat(first).extracting(line -> line.get("sku")).containsExactly("AMZ-US-25");
        assertThat(first.get(0)).containsEntry("quantity", 1);
        assertThat(second).extracting(line -> line.get("sku")).containsExactly("8PX-UF-Y5U");
        assertThat(second.get(0)).doesNotContainKey("quantity");
    }

    // --- paid orders ---

    @Test
    void paidOrdersListsEveryOrderByReference() {
        String a = instant("r-1").data().get("transactionId").toString();
        String b = client.post("/v2/orders/instant", map("sku", "8PX-UF-Y5U", "clientOrderNumber", "r-1"))
                .data().get("transactionId").toString();   // no dup check: a second paid order
        String c = client.post("/v2/orders/instant", map("sku", "8PX-UF-Y5U")).data().get("transactionId").toString();

        assertThat(ez.paidOrders()).containsExactly(Map.entry("r-1", List.of(a, b)), Map.entry("", List.of(c)));
        assertThat(ez.deliveredSecretsOf(a)).hasSize(2).allSatisfy(s -> assertThat(ez.deliveredSecrets()).contains(s));
        assertThat(ez.deliveredSecretsOf("nope")).isEmpty();
    }

    // --- helpers ---

    private Answer instant(String reference) {
        return client.post("/v2/orders/instant", instantBody(reference));
    }

    private Answer bulk(String reference) {
        return client.post("/v2/orders", bulkBody(reference));
    }

    private static Map<String, Object> instantBody(String reference) {
        return map("sku", "8PX-UF-Y5U", "clientOrderNumber", reference, "enableClientOrderNumberDupCheck", true);
    }

    private static Map<String, Object> bulkBody(String reference) {
        return map("products", List.of(map("sku", "8PX-UF-Y5U", "quantity", 2), map("sku", "AMZ-US-25", "quantity", 1)),
                "clientOrderNumber", reference, "enableClientOrderNumberDupCheck", true);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return (List<Map<String, Object>>) answer.data().get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> products(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("products");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> codes(Map<String, Object> line) {
        return (List<Map<String, Object>>) line.get("codes");
    }
}
