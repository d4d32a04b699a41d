package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.voucherport.adapter.support.HttpLogLevel;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.testkit.assertions.LogCapture;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** No secret in logs at FULL level; the delivery webhook read and verified against the order. */
class GiftHubSecretsAndWebhookTest {

    @RegisterExtension
    static final GiftHubSimulator GIFTHUB = GiftHubSimulator.create().withSampleData();

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    @Test
    void aWholeJourneyLogsNoSecret() {
        List<String> texts = new ArrayList<>();
        try (GiftHubSupplier supplier = GiftHubSupplier.builder().baseUrl(GIFTHUB.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory())
                .logLevel(HttpLogLevel.FULL).build()) {
            OrderReference reference = OrderReference.generate();
            SupplierOrder cards = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 2))).get();
            SupplierOrder pins = supplier.place(OrderRequest.of(OrderReference.generate(),
                    OrderLine.of("PSN-UK-10", 2))).get();
            GIFTHUB.fulfilPending();
            OrderCodes cardCodes = supplier.fetchCodes(cards.id()).get();
            OrderCodes pinCodes = supplier.fetchCodes(pins.id()).get();
            GiftHubOrder full = supplier.order(cards.id()).get();
            ProviderFailure duplicate = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-20", 1)))
                    .getLeft();
            texts.addAll(List.of(cardCodes.toString(), pinCodes.toString(), full.toString(), duplicate.toString(),
                    duplicate.message(), supplier.toString()));
            assertThat(cardCodes.delivered()).hasSize(2);
            assertThat(pinCodes.delivered()).hasSize(2);
        }
        String logged = logs.text();
        assertThat(logged).as("the capture works").contains("---> PUT").contains("client-secret: ****")
                .containsPattern("(?i)authorization: \\*{4}")
                .as("the redeem data of an answer is logged masked whole, whatever its cards' fields are called")
                .containsPattern("\"redeem(Data)?\" ?: ?\"\\*{4}\"");
        List<String> secrets = new ArrayList<>(GIFTHUB.deliveredSecrets());
        secrets.add(GiftHubSimulator.DEFAULT_CLIENT_SECRET);
        secrets.addAll(GIFTHUB.issuedTokens());
        assertThat(secrets).hasSizeGreaterThan(16);
        logs.assertNoneOf(secrets, texts);
    }

    @Test
    void theDeliveryWebhookIsParsedAndVerifiedByRetrievingTheOrder() throws Exception {
        BlockingQueue<String> bodies = new ArrayBlockingQueue<>(10);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks/gifthub", exchange -> {
            try (exchange) {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
            } catch (IOException e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        receiver.start();
        try (GiftHubSupplier supplier = GiftHubSupplier.builder().baseUrl(GIFTHUB.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory())
                .webhookUrl("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/gifthub").build()) {
            OrderReference reference = OrderReference.generate();
            SupplierOrder placed = supplier.place(OrderRequest.of(reference, OrderLine.of("STEAM-EU-50", 3))).get();
            GIFTHUB.fulfilPending();
            String body = bodies.poll(10, TimeUnit.SECONDS);
            assertThat(body).as("webhook received").isNotNull();

            GiftHubWebhook.Event event = GiftHubWebhook.parse(body).get();
            assertThat(event.orderId()).isEqualTo(placed.id());
            assertThat(event.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(event.reference()).contains(reference);
            assertThat(event.codes().delivered()).hasSize(3);
            assertThat(event.toString()).doesNotContain(event.codes().delivered().get(0).code().get().reveal());

            GiftHubOrder verified = supplier.verify(event).get();
            assertThat(verified.codes().delivered()).hasSize(3);
            assertThat(verified.order().status()).isEqualTo(OrderStatus.COMPLETED);

            GiftHubWebhook.Event forged = new GiftHubWebhook.Event(event.orderId(), event.status(),
                    io.vavr.control.Option.some(OrderReference.generate()), event.codes());
            assertThat(supplier.verify(forged).getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        } finally {
            receiver.stop(0);
        }
        for (String junk : new String[] {"", "not json", "{\"orderState\": \"successful\"}", "[1,2]"}) {
            assertThat(GiftHubWebhook.parse(junk).getLeft()).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        }
    }

    @Test
    void theWebhookLinkAndTheCredentialsAreMaskedInEveryBody() {
        String hook = "https://hooks.example.com/gifthub/hook-token-5f2a9c";
        try (GiftHubSupplier supplier = GiftHubSupplier.builder().baseUrl(GIFTHUB.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .references(OrderReferenceStore.inMemory()).webhookUrl(hook)
                .logLevel(HttpLogLevel.FULL).build()) {
            assertThat(supplier.place(OrderRequest.of(OrderReference.generate(), OrderLine.of("STEAM-EU-20", 1)))
                    .isRight()).isTrue();
        }
        assertThat(logs.text()).containsPattern("\"webhookUrl\" ?: ?\"\\*{4}\"");
        logs.assertNoneOf(List.of("hook-token-5f2a9c", GiftHubSimulator.DEFAULT_CLIENT_ID,
                GiftHubSimulator.DEFAULT_CLIENT_SECRET), List.of());
    }
}
