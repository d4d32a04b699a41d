package io.voucherport.example.giftcards;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.testkit.ez.EzSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The purchase endpoint against callers who get it wrong or race: an order without a reference
 * (its retry could not be told from a new order), a reference reused for another order, one
 * reference sent by several callers at once. Nothing is ever bought twice, nor another order's
 * codes shown.
 */
@SpringBootTest(classes = GiftCardService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext   // the service stops after this class, while its database is still up (that stops at the JVM's exit)
class PurchaseRequestsTest {

    private static final EmbeddedPostgres DATABASE = startDatabase();
    private static final EzSimulator EZ = startSimulator();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void pointAtTheTestsDatabaseAndSimulator(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("voucherport.ez.base-url", EZ::baseUrl);
        registry.add("voucherport.ez.api-key", () -> EzSimulator.DEFAULT_API_KEY);
        registry.add("voucherport.ez.bearer-token", () -> EzSimulator.DEFAULT_BEARER_TOKEN);
        registry.add("voucherport.purchase.polling.initial-delay", () -> "50ms");
        registry.add("voucherport.purchase.polling.max-delay", () -> "100ms");
        registry.add("voucherport.purchase.polling.deadline", () -> "2s");
    }

    @AfterAll
    static void stop() {
        EZ.close();
    }

    @Test
    void anOrderWithoutAReferenceIsRefusedAndNothingIsBought() throws Exception {
        int before = EZ.orderCount();
        HttpResponse<String> answer = post(Map.of("sku", "AMZ-US-25", "quantity", 1));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).get("status").asString()).isEqualTo("REJECTED");
        HttpResponse<String> invalid = post(Map.of("reference", "requests-invalid-1", "sku", "AMZ-US-25", "quantity", 0));
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(EZ.orderCount()).as("orders placed").isEqualTo(before);
    }

    @Test
    void aReferenceReusedForAnotherOrderIsRefusedWithoutTheFirstOrdersCodes() throws Exception {
        HttpResponse<String> first = post(Map.of("reference", "requests-reused-1", "sku", "AMZ-US-25", "quantity", 1));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String code = JSON.readTree(first.body()).at("/cards/0/code").asString();

        HttpResponse<String> other = post(Map.of("reference", "requests-reused-1", "sku", "AMZ-US-25", "quantity", 3));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
        assertThat(other.body()).doesNotContain(code);
        assertThat(EZ.ordersWithReference("requests-reused-1")).isEqualTo(1);

        // the same order again: its codes, no second order
        HttpResponse<String> again = post(Map.of("reference", "requests-reused-1", "sku", "AMZ-US-25", "quantity", 1));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains(code);
        assertThat(EZ.ordersWithReference("requests-reused-1")).isEqualTo(1);
    }

    @Test
    void oneReferenceSentByEightCallersAtOnceIsBoughtOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return post(Map.of("reference", "requests-raced-1", "sku", "AMZ-US-25", "quantity", 2));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        Set<String> deliveredCodes = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> caller : callers) {
            HttpResponse<String> answer = caller.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202);
            if (answer.statusCode() == 200) {
                JsonNode cards = JSON.readTree(answer.body()).get("cards");
                assertThat(cards).hasSize(2);
                cards.forEach(card -> deliveredCodes.add(card.get("code").asString()));
            }
        }
        assertThat(EZ.ordersWithReference("requests-raced-1")).as("orders placed for one reference").isEqualTo(1);
        assertThat(deliveredCodes).as("every caller answered with codes got the same two").hasSizeLessThanOrEqualTo(2);
    }

    private HttpResponse<String> post(Map<String, Object> order) throws Exception {
        String body = JSON.writeValueAsString(new HashMap<>(order));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/gift-cards/purchases"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            EmbeddedPostgres database = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    database.close();
                } catch (IOException e) {
                    // the JVM is exiting
                }
            }));
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static EzSimulator startSimulator() {
        EzSimulator simulator = EzSimulator.create().withSampleData();
        simulator.start();
        return simulator;
    }
}
