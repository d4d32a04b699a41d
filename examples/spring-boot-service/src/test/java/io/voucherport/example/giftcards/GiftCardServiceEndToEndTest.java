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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.support.DependencyInjectionTestExecutionListener;
import org.springframework.test.context.support.DirtiesContextTestExecutionListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example service end to end: real HTTP to the service on a random port, the EZ adapter talking
 * real HTTP to the EZ simulator, the journal on a real PostgreSQL (embedded, tables by Flyway). A
 * purchase is delivered; a second one is left in the supplier's hands when the service stops, and a
 * new service on the same database recovers it from the journal and delivers it — bought once.
 */
@SpringBootTest(classes = GiftCardService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
// the test closes the service's context itself (the service stops mid-purchase): only the listeners that
// cope with a closed context run (no event publishing, which would try to restart it)
@TestExecutionListeners({DependencyInjectionTestExecutionListener.class, DirtiesContextTestExecutionListener.class})
class GiftCardServiceEndToEndTest {

    private static final EmbeddedPostgres DATABASE = startDatabase();
    private static final EzSimulator EZ = startSimulator();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    private ConfigurableApplicationContext service;

    /** What a team sets, pointed at the test's database and simulator. */
    private static Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", DATABASE.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        properties.put("voucherport.ez.base-url", EZ.baseUrl());
        properties.put("voucherport.ez.api-key", EzSimulator.DEFAULT_API_KEY);
        properties.put("voucherport.ez.bearer-token", EzSimulator.DEFAULT_BEARER_TOKEN);
        properties.put("voucherport.ez.reference-lookup-lag", "1s");
        properties.put("voucherport.purchase.polling.initial-delay", "100ms");
        properties.put("voucherport.purchase.polling.max-delay", "300ms");
        properties.put("voucherport.purchase.polling.deadline", "2s");
        properties.put("voucherport.purchase.recheck-after", "0s");
        properties.put("voucherport.purchase.recovery.interval", "1s");
        properties.put("management.endpoint.configprops.show-values", "always");
        properties.put("management.endpoint.env.show-values", "always");
        return properties;
    }

    @DynamicPropertySource
    static void pointAtTheTestsDatabaseAndSimulator(DynamicPropertyRegistry registry) {
        properties().forEach((key, value) -> registry.add(key, () -> value));
        // the first instance runs no recovery pass after its start-up one: only the second instance recovers
        registry.add("voucherport.purchase.recovery.interval", () -> "10m");
    }

    @AfterAll
    static void stop() throws IOException {
        EZ.close();
        DATABASE.close();
    }

    @Test
    void sellsGiftCardsAndRecoversAPurchaseLeftUnfinishedWhenTheServiceStopped() throws Exception {
        String first = baseUrl(service);

        // 1. an ordinary purchase: delivered at once, the codes the simulator delivered
        HttpResponse<String> bought = post(first, "e2e-delivered-1", "AMZ-US-25", 2);
        assertThat(bought.statusCode()).as(bought.body()).isEqualTo(200);
        JsonNode delivered = JSON.readTree(bought.body());
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(codes(delivered)).hasSize(2);
        String orderOne = EZ.paidOrders().get("e2e-delivered-1").get(0);
        assertThat(EZ.deliveredSecretsOf(orderOne)).containsAll(codes(delivered));

        // the provider's health is read with the credentials; the actuator shows no secret
        HttpResponse<String> health = get(first + "/actuator/health");
        assertThat(JSON.readTree(health.body()).at("/components/ez/status").asString()).isEqualTo("UP");
        for (String endpoint : List.of("/actuator/configprops", "/actuator/env")) {
            String shown = get(first + endpoint).body();
            assertThat(shown).as(endpoint).contains(EZ.baseUrl())
                    .doesNotContain(EzSimulator.DEFAULT_API_KEY).doesNotContain(EzSimulator.DEFAULT_BEARER_TOKEN);
        }

        // the purchase and its provider calls show in the service's metrics (the starter's Micrometer wiring)
        JsonNode steps = JSON.readTree(get(first
                + "/actuator/metrics/voucherport.purchase.steps?tag=supplier:ez&tag=stage:delivered").body());
        assertThat(steps.at("/measurements/0/value").asDouble()).as("delivered purchases counted").isEqualTo(1.0);
        JsonNode calls = JSON.readTree(get(first + "/actuator/metrics/voucherport.call?tag=provider:ez-cards").body());
        assertThat(calls.at("/measurements/0/statistic").asString()).isEqualTo("COUNT");
        assertThat(calls.at("/measurements/0/value").asDouble()).as("EZ calls timed").isGreaterThanOrEqualTo(1.0);

        // 2. a purchase the supplier keeps processing: pending when the service stops
        EZ.asyncPolls(1_000_000);
        HttpResponse<String> pending = post(first, "e2e-restart-1", "BACKORDER-50", 1);
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(202);
        assertThat(JSON.readTree(pending.body()).get("status").asString()).isEqualTo("PENDING");
        assertThat(statusOf(first, "e2e-restart-1")).isEqualTo("OPEN");
        assertThat(EZ.ordersWithReference("e2e-restart-1")).isEqualTo(1);
        service.close();

        // 3. the supplier finishes the order at its next look; a new instance on the same database recovers it
        EZ.asyncPolls(1);
        List<String> arguments = new ArrayList<>();
        properties().forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--server.port=0");
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(GiftCardService.class)
                .run(arguments.toArray(String[]::new))) {
            String second = baseUrl(restarted);
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
            String status = statusOf(second, "e2e-restart-1");
            while (!status.equals("DELIVERED") && Instant.now().isBefore(giveUp)) {
                Thread.sleep(200);
                status = statusOf(second, "e2e-restart-1");
            }
            assertThat(status).as("recovered from the journal by the new instance").isEqualTo("DELIVERED");

            // the caller asks again with its reference: the codes, never a second order
            HttpResponse<String> again = post(second, "e2e-restart-1", "BACKORDER-50", 1);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            List<String> codes = codes(JSON.readTree(again.body()));
            assertThat(codes).hasSize(1);
            String orderTwo = EZ.paidOrders().get("e2e-restart-1").get(0);
            assertThat(EZ.deliveredSecretsOf(orderTwo)).containsAll(codes);
        }
        assertThat(EZ.ordersWithReference("e2e-restart-1")).as("orders placed for the recovered purchase").isEqualTo(1);
        assertThat(EZ.orderCount()).as("orders in all").isEqualTo(2);
    }

    private static String baseUrl(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static HttpResponse<String> post(String base, String reference, String sku, int quantity) throws Exception {
        String body = JSON.writeValueAsString(Map.of("reference", reference, "sku", sku, "quantity", quantity));
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/gift-cards/purchases"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String statusOf(String base, String reference) throws Exception {
        HttpResponse<String> answer = get(base + "/gift-cards/purchases/" + reference);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("status").asString();
    }

    private static List<String> codes(JsonNode answer) {
        List<String> codes = new ArrayList<>();
        answer.get("cards").forEach(card -> codes.add(card.get("code").asString()));
        return codes;
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            // durable commits, as a production PostgreSQL (zonky's default is synchronous_commit=off)
            return EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").start();
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
