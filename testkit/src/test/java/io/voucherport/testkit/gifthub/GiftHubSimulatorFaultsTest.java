package io.voucherport.testkit.gifthub;

import static io.voucherport.testkit.sim.SimJson.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.testkit.gifthub.GiftHubSimulator.Endpoint;
import io.voucherport.testkit.sim.SimClient;
import io.voucherport.testkit.sim.SimClient.Answer;
import io.voucherport.testkit.sim.SimFault;
import io.voucherport.testkit.time.ManualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GiftHub simulator's realistic misbehaviours: lagging retrieve, late commits, refusals, incomplete answers. */
class GiftHubSimulatorFaultsTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(200);

    private final ManualClock clock = new ManualClock();
    private GiftHubSimulator gh;
    private SimClient client;

    @BeforeEach
    void start() {
        gh = GiftHubSimulator.create().withSampleData().clock(clock);
        gh.start();
        client = new SimClient(gh.baseUrl());
        renewToken();
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    // --- retrieve that lags ---

    @Test
    void withoutALagAnOrderIsRetrievedAtOnce() {
        String id = create("r-1");
        assertThat(retrieve(id).status()).isEqualTo(200);
        assertThat(confirm(id).status()).isEqualTo(200);
        assertThat(retrieve(id).data()).containsEntry("state", "processing");
    }

    @Test
    void aJustCreatedOrJustConfirmedOrderIsNotFoundUntilTheLagHasPassed() {
        gh.lookupLag(Duration.ofSeconds(5));
        String id = create("r-1");

        assertThat(retrieve(id).status()).isEqualTo(404);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(retrieve(id).status()).isEqualTo(404);
        clock.advance(Duration.ofMillis(1));
        assertThat(retrieve(id).data()).containsEntry("state", "created");

        assertThat(confirm(id).status()).as("confirm reads the primary store").isEqualTo(200);
        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
        assertThat(retrieve(id).status()).isEqualTo(404);
        assertThat(gh.stateOf(id)).as("a retrieve that found nothing moved nothing").isEqualTo("confirmed");
        clock.advance(Duration.ofSeconds(5));
        assertThat(retrieve(id).data()).containsEntry("state", "processing");
    }

    @Test
    void fulfilPendingLetsRetrieveCatchUp() {
        gh.lookupLag(Duration.ofHours(1));
        String id = create("r-1");
        confirm(id);

        gh.fulfilPending();

        assertThat(retrieve(id).data()).containsEntry("state", "successful");
    }

    // --- a first request still in flight ---

    @Test
    void aHeldConfirmAnswersNothingAndConfirmsAfterTheCallerTimedOut() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofMillis(700)));

        Answer first = client.send("PUT", "/order/confirm", map("orderId", id), CLIENT_TIMEOUT);

        assertThat(first.status()).as(first.failure()).isEqualTo(-1);
        assertThat(retrieve(id).data()).containsEntry("state", "created");
        assertThat(gh.paidOrders()).isEmpty();
        assertThat(gh.awaitLateCommits(Duration.ofSeconds(5))).isTrue();
        assertThat(gh.stateOf(id)).isEqualTo("confirmed");
        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
        assertThat(gh.balanceOf("EUR")).isEqualByComparingTo(walletAfterOneOrder());
    }

    @Test
    void aHeldConfirmCanCommitOnTheSimulatorsClockJustBeforeTheNextRequest() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofSeconds(30), Duration.ofSeconds(2)));
        assertThat(client.send("PUT", "/order/confirm", map("orderId", id), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        clock.advance(Duration.ofMillis(1_999));
        assertThat(retrieve(id).data()).containsEntry("state", "created");

        clock.advance(Duration.ofMillis(1));
        Answer retrieved = retrieve(id);
        assertThat(retrieved.status()).as("%s %s", retrieved.failure(), retrieved.text()).isEqualTo(200);
        assertThat(retrieved.data()).containsEntry("state", "processing");
        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
        assertThat(gh.lateCommitsInFlight()).isZero();
    }

    @Test
    void aHeldConfirmThatLandsAfterASecondConfirmIsRefusedAndPaysNothing() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofMillis(700)));
        assertThat(client.send("PUT", "/order/confirm", map("orderId", id), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        Answer second = confirm(id);
        assertThat(gh.awaitLateCommits(Duration.ofSeconds(5))).isTrue();

        assertThat(second.status()).isEqualTo(200);
        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
        assertThat(gh.balanceOf("EUR")).isEqualByComparingTo(walletAfterOneOrder());
    }

    @Test
    void aHeldConfirmIsAuthorisedWhenItArrivesEvenIfANewerTokenIsIssuedMeanwhile() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofMillis(500)));
        assertThat(client.send("PUT", "/order/confirm", map("orderId", id), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        renewToken();   // the old token no longer opens strict resources

        assertThat(gh.awaitLateCommits(Duration.ofSeconds(5))).isTrue();
        assertThat(gh.stateOf(id)).isEqualTo("confirmed");
    }

    @Test
    void aHeldRequestWithABadTokenCommitsNothing() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitLater(Duration.ofMillis(300)));
        SimClient stranger = new SimClient(gh.baseUrl()).header("Authorization", "Bearer not-a-token");

        assertThat(stranger.send("PUT", "/order/confirm", map("orderId", id), CLIENT_TIMEOUT).status()).isEqualTo(-1);

        assertThat(gh.awaitLateCommits(Duration.ofSeconds(5))).isTrue();
        assertThat(gh.stateOf(id)).isEqualTo("created");
    }

    @Test
    void aHeldCreateMakesAnUnpaidOrderLater() {
        gh.inject(Endpoint.CREATE_ORDER, SimFault.commitLater(Duration.ofMillis(300)));

        assertThat(client.send("POST", "/order/create", createBody("r-1"), CLIENT_TIMEOUT).status()).isEqualTo(-1);
        assertThat(gh.ordersWithReference("r-1")).isZero();

        gh.fulfilPending();
        assertThat(gh.ordersWithReference("r-1")).isEqualTo(1);
        assertThat(gh.purchasesWithReference("r-1")).isZero();
        assertThat(gh.paidOrders()).isEmpty();
    }

    // --- refusals of a re-placement ---

    @Test
    void insufficientFundsIsRefusedInGiftHubsShape() {
        String id = create("r-1");
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.commitThenDrop());
        gh.inject(Endpoint.CREATE_ORDER, SimFault.insufficientFunds());
        gh.inject(Endpoint.CONFIRM_ORDER, SimFault.insufficientFunds());
        assertThat(confirm(id).status()).isEqualTo(-1);

        Answer create = client.post("/order/create", createBody("r-1"));
        String again = create("r-1");
        Answer confirm = confirm(again);

        assertThat(create.status()).isEqualTo(400);
        assertThat(create.json()).containsEntry("message", "Insufficient funds");
        assertThat(confirm.status()).isEqualTo(400);
        assertThat(confirm.json().get("message").toString()).containsIgnoringCase("insufficient");
        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(id)));
    }

    // --- answers without quantities or with a SKU missing ---

    @Test
    void omitQuantitiesLeavesTheQuantitiesOutOfOneRetrieveAnswer() {
        String id = create("r-1");
        confirm(id);
        gh.inject(Endpoint.GET_ORDER, SimFault.omitQuantities());

        Answer spoiled = retrieve(id);
        Answer whole = retrieve(id);

        assertThat(spoiled.text()).doesNotContain("\"quantity\"");
        assertThat(products(spoiled)).containsOnlyKeys("STEAM-EU-20", "PSN-UK-10");
        assertThat(whole.text()).contains("\"quantity\"");
        assertThat(products(whole)).extractingByKey("STEAM-EU-20")
                .satisfies(p -> assertThat(p.toString()).contains("quantity=2"));
    }

    @Test
    void dropOneSkuLeavesTheLastSkuOutOfOneRetrieveAnswerCodesIncluded() {
        String id = create("r-1");
        confirm(id);
        gh.fulfilPending();
        gh.inject(Endpoint.GET_ORDER, SimFault.dropOneSku());

        Answer spoiled = retrieve(id);
        Answer whole = retrieve(id);

        assertThat(spoiled.data()).containsEntry("state", "successful");
        assertThat(products(spoiled)).containsOnlyKeys("STEAM-EU-20");
        assertThat(redeem(spoiled)).containsOnlyKeys("STEAM-EU-20");
        assertThat(records(spoiled)).extracting(r -> r.get("sku")).containsExactly("STEAM-EU-20");
        assertThat(spoiled.text()).doesNotContain("PSN-UK-10");
        assertThat(products(whole)).containsOnlyKeys("STEAM-EU-20", "PSN-UK-10");
        assertThat(redeem(whole)).containsOnlyKeys("STEAM-EU-20", "PSN-UK-10");
        assertThat(records(whole)).hasSize(2);
    }

    @Test
    void dropSkuNamesTheSkuAndCombinesWithOmittedQuantities() {
        String id = create("r-1");
        gh.inject(Endpoint.GET_ORDER, SimFault.dropSku("STEAM-EU-20"));
        gh.inject(Endpoint.GET_ORDER, SimFault.omitQuantitiesAndDropOneSku());

        Answer first = retrieve(id);
        Answer second = retrieve(id);

        assertThat(products(first)).containsOnlyKeys("PSN-UK-10");
        assertThat(first.text()).contains("\"quantity\"");
        assertThat(products(second)).containsOnlyKeys("STEAM-EU-20");
        assertThat(second.text()).doesNotContain("\"quantity\"");
    }

    @Test
    void theCreateAnswerCanLoseItsQuantitiesButTheOrderStaysWhole() {
        gh.inject(Endpoint.CREATE_ORDER, SimFault.omitQuantitiesAndDropOneSku());

        Answer created = client.post("/order/create", createBody("r-1"));
        String id = created.data().get("id").toString();

        assertThat(created.text()).doesNotContain("\"quantity\"").doesNotContain("PSN-UK-10");
        assertThat(products(retrieve(id))).containsOnlyKeys("STEAM-EU-20", "PSN-UK-10");
    }

    // --- paid orders ---

    @Test
    void paidOrdersListsOnlyConfirmedOrders() {
        String unpaid = create("r-1");
        String paid = create("r-1");
        confirm(paid);
        String anonymous = client.post("/order/create", map("productList", List.of(map("sku", "STEAM-EU-20",
                "productType", "fixed", "quote", 20, "quantity", 1)), "wallet", "EUR")).data().get("id").toString();
        confirm(anonymous);

        assertThat(gh.paidOrders()).containsExactly(Map.entry("r-1", List.of(paid)), Map.entry("", List.of(anonymous)));
        assertThat(gh.ordersWithReference("r-1")).isEqualTo(2);
        assertThat(unpaid).isNotEqualTo(paid);

        gh.fulfilPending();
        assertThat(gh.deliveredSecretsOf(paid)).hasSize(3 * 4).allSatisfy(s -> assertThat(gh.deliveredSecrets()).contains(s));
        assertThat(gh.deliveredSecretsOf(unpaid)).isEmpty();
    }

    // --- helpers ---

    private void renewToken() {
        Answer token = new SimClient(gh.baseUrl()).header("client-id", GiftHubSimulator.DEFAULT_CLIENT_ID)
                .header("client-secret", GiftHubSimulator.DEFAULT_CLIENT_SECRET).get("/auth/jwt");
        assertThat(token.status()).isEqualTo(200);
        client.header("Authorization", token.headers().get("authorization").get(0));
    }

    private String create(String reference) {
        Answer created = client.post("/order/create", createBody(reference));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.data().get("id").toString();
    }

    private Answer confirm(String id) {
        return client.put("/order/confirm", map("orderId", id));
    }

    private Answer retrieve(String id) {
        return client.get("/order/get?orderId=" + id);
    }

    private static Map<String, Object> createBody(String reference) {
        return map("productList", List.of(
                map("sku", "STEAM-EU-20", "productType", "fixed", "quote", 20, "quantity", 2),
                map("sku", "PSN-UK-10", "productType", "fixed", "quote", 10, "quantity", 1)),
                "wallet", "EUR", "reference", reference);
    }

    /** 5,000 EUR less 2 × 20 EUR and 10 GBP at 0.8551 GBP per EUR (rounded down). */
    private static BigDecimal walletAfterOneOrder() {
        return new BigDecimal("5000.00").subtract(new BigDecimal("40.00")).subtract(new BigDecimal("11.69"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> products(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return (Map<String, Object>) answer.data().get("products");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> redeem(Answer answer) {
        return (Map<String, Object>) answer.data().get("redeem");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Answer answer) {
        return (List<Map<String, Object>>) ((Map<String, Object>) answer.data().get("invoice")).get("records");
    }
}
