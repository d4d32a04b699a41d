package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vavr.control.Option;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GiftHub's own Retrieve Order example, and the shapes it leaves open, read into the domain. */
class GiftHubMapperTest {

    private static final SupplierOrderId ID = SupplierOrderId.of("IW63OjZJW9eI21KJ1ohy");

    private static GiftHubDto.Order example() throws IOException {
        try (InputStream in = GiftHubMapperTest.class.getResourceAsStream("/retrieve-order-example.json")) {
            return JsonSupport.newObjectMapper().readValue(in,
                    new TypeReference<GiftHubDto.Envelope<GiftHubDto.Order>>() { }).data();
        }
    }

    private static GiftHubDto.Order order(String json) throws IOException {
        return JsonSupport.newObjectMapper().readValue(json, GiftHubDto.Order.class);
    }

    @Test
    void theDocumentedExampleIsACompletedOrderWithOneCode() throws IOException {
        GiftHubDto.Order dto = example();
        SupplierOrder order = GiftHubMapper.INSTANCE.order(new GiftHubMapper.Retrieved(ID, dto));
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.reference()).map(Object::toString).contains("Test Referance");
        assertThat(order.createdAt()).contains(Instant.ofEpochSecond(1713718950, 921_000_000));
        assertThat(order.grandTotal()).contains(Money.of("134.11", "EUR"));
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo(Sku.of("gc035-208-1000"));
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.totalPrice()).contains(Money.of("134.11", "EUR"));
        });

        OrderCodes codes = GiftHubMapper.INSTANCE.codes(new GiftHubMapper.Retrieved(ID, dto));
        assertThat(codes.isComplete()).isTrue();
        DeliveredCode code = codes.delivered().get(0);
        assertThat(code.pin().map(p -> p.reveal())).contains("MV97-QWEK-4EQ5-0082-GRW3");
        assertThat(code.redeemLink().map(l -> l.reveal())).contains("https://www.mocked.link/");
        assertThat(codes.toString()).doesNotContain("MV97").doesNotContain("mocked.link");
    }

    @Test
    void ratesAndInvoiceKeepEveryDigitAndItemType() throws IOException {
        GiftHubDto.Order dto = example();
        assertThat(GiftHubMapper.INSTANCE.rates(dto.exchangeRates()).items()).singleElement().satisfies(rate -> {
            assertThat(rate.base()).isEqualTo(CurrencyCode.of("EUR"));
            assertThat(rate.quote()).isEqualTo(CurrencyCode.of("DKK"));
            assertThat(rate.rate()).isEqualByComparingTo(new BigDecimal("7.456803455723542"));
            assertThat(rate.asOf()).contains(Instant.ofEpochSecond(1713700802, 866_000_000));
        });
        GiftHubInvoice invoice = GiftHubMapper.INSTANCE.invoiceOf(dto.invoice()).get();
        assertThat(invoice.wallet()).isEqualTo(CurrencyCode.of("EUR"));
        assertThat(invoice.status()).contains("paid");
        assertThat(invoice.items(GiftHubInvoice.MAIN_PRODUCT)).singleElement()
                .satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("1000"));
        assertThat(invoice.items("exchange-target-currency")).singleElement()
                .satisfies(i -> assertThat(i.amount()).isEqualByComparingTo("-1000"));
        assertThat(invoice.records().get(0).totals()).containsEntry(CurrencyCode.of("EUR"), new BigDecimal("134.11"));
    }

    @Test
    void aPartialOrderDeliversWhatItHasAndTellsWhichSkuFellShort() throws IOException {
        GiftHubDto.Order dto = order("""
                {"state": "partial",
                 "products": {"A": {"sku": "A", "request": {"quote": 10, "quantity": 3}},
                              "B": {"sku": "B", "request": {"quote": 5, "quantity": 1}}},
                 "redeem": {"A": {"currency": "EUR", "value": 10, "cards": [
                     {"redeemCardCode": "CODE-0001-AAAA", "redeemPin": 1234, "redeemSerialNumber": "S1",
                      "redeemLink": null, "expirationDate": {"_seconds": 1800000000, "_nanoseconds": 0}},
                     {"redeemCardCode": "CODE-0002-BBBB", "expirationDate": "2027-01-31T00:00:00Z"}],
                     "redeemInstructions": {"redeem": "Enter the code at checkout."}}}}""");
        SupplierOrder order = GiftHubMapper.INSTANCE.order(new GiftHubMapper.Retrieved(ID, dto));
        assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_COMPLETED);
        assertThat(order.lines()).extracting(l -> l.status())
                .containsExactly(OrderStatus.PARTIALLY_COMPLETED, OrderStatus.FAILED);
        OrderCodes codes = GiftHubMapper.INSTANCE.codes(new GiftHubMapper.Retrieved(ID, dto));
        assertThat(codes.delivered()).hasSize(2);
        assertThat(codes.shortfall()).isEqualTo(Map.of(Sku.of("A"), 1, Sku.of("B"), 1));
        assertThat(codes.delivered().get(0).pin().map(p -> p.reveal())).contains("1234");
        assertThat(codes.delivered().get(0).expiresAt()).contains(Instant.ofEpochSecond(1800000000));
        assertThat(codes.delivered().get(1).expiresAt()).contains(Instant.parse("2027-01-31T00:00:00Z"));
        assertThat(codes.skus().get(0).instructions()).contains("Enter the code at checkout.");
    }

    @Test
    void unknownStatesAbsentFieldsAndUnreadableInvoicesAreTolerated() throws IOException {
        GiftHubDto.Order dto = order("""
                {"state": "on_hold", "products": {"A": {"request": {"quantity": "2"}}},
                 "invoice": {"total": "12.5", "records": [{"items": [{"effect": {"amount": 1}}]}]},
                 "reference": "", "surprise": [1, 2]}""");
        SupplierOrder order = GiftHubMapper.INSTANCE.order(new GiftHubMapper.Retrieved(ID, dto));
        assertThat(order.status()).isEqualTo(new OrderStatus.Unknown("on_hold"));
        assertThat(order.reference()).isEqualTo(Option.none());
        assertThat(order.grandTotal()).isEqualTo(Option.none());
        assertThat(order.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(GiftHubMapper.INSTANCE.codes(new GiftHubMapper.Retrieved(ID, dto)).shortfall()).containsEntry(Sku.of("A"), 2);
    }

    @Test
    void createAndConfirmRequestsAreBuiltFromTheDomain() throws IOException {
        GiftHubDto.CreateOrderRequest create = GiftHubMapper.INSTANCE.createOrder(
                List.of(new GiftHubCatalog.Line(Sku.of("VISA-US-RANGE"), "range", Money.of("25", "USD"), 2)),
                CurrencyCode.of("EUR"), OrderReference.of("ref-1"), Option.some("https://example.org/hooks"));
        assertThat(create.wallet()).isEqualTo("EUR");
        assertThat(create.reference()).isEqualTo("ref-1");
        assertThat(create.webhookUrl()).isEqualTo("https://example.org/hooks");
        assertThat(create.productList()).singleElement().satisfies(line -> {
            assertThat(line.sku()).isEqualTo("VISA-US-RANGE");
            assertThat(line.productType()).isEqualTo("range");
            assertThat(line.quote()).isEqualByComparingTo("25");
            assertThat(line.quantity()).isEqualTo(2);
        });
        GiftHubDto.CreateOrderRequest noHook = GiftHubMapper.INSTANCE.createOrder(List.of(), CurrencyCode.of("IRT"),
                OrderReference.of("ref-2"), Option.none());
        assertThat(noHook.webhookUrl()).isNull();
        assertThat(JsonSupport.newObjectMapper().readTree(JsonSupport.newObjectMapper().writeValueAsString(create))
                .fieldNames()).toIterable().containsExactly("productList", "wallet", "reference", "webhookUrl");
        assertThat(GiftHubMapper.INSTANCE.confirm(SupplierOrderId.of("o-1")))
                .isEqualTo(new GiftHubDto.ConfirmRequest("o-1"));
    }

    @Test
    void theWebhookBecomesAnEventWhoseSkusCountWhatTheyDelivered() throws IOException {
        GiftHubDto.Webhook hook = JsonSupport.newObjectMapper().readValue("""
                {"orderId": "o-9", "orderState": "partial", "reference": "ref-9", "redeemData": {
                  "A": {"redeemPin": ["P-1", "P-2"], "redeemLink": "https://redeem.example/a"}}}""",
                GiftHubDto.Webhook.class);
        GiftHubWebhook.Event event = GiftHubMapper.INSTANCE.event(hook);
        assertThat(event.orderId()).isEqualTo(SupplierOrderId.of("o-9"));
        assertThat(event.status()).isEqualTo(OrderStatus.PARTIALLY_COMPLETED);
        assertThat(event.reference()).contains(OrderReference.of("ref-9"));
        assertThat(event.codes().orderId()).isEqualTo(SupplierOrderId.of("o-9"));
        assertThat(event.codes().skus()).singleElement().satisfies(sku -> {
            assertThat(sku.ordered()).isEqualTo(2);
            assertThat(sku.codes()).hasSize(2).allSatisfy(c -> assertThat(c.redeemLink()).isNotEmpty());
        });
    }

    @Test
    void variantsBecomeFixedOrRangedProductsAndInactiveOnesAreSkipped() throws IOException {
        GiftHubDto.Product product = JsonSupport.newObjectMapper().readValue("""
                {"productId": "p1", "name": "Visa", "country": "US", "baseCurrency": "USD", "state": "ACTIVE",
                 "productType": "range", "variants": {
                   "R": {"sku": "R", "state": "ACTIVE", "range": {"min": "10", "max": 100, "step": 5}},
                   "F": {"sku": "F", "name": "Visa 25", "quote": 25},
                   "X": {"sku": "X", "state": "DISABLED", "quote": 50},
                   "N": {"sku": "N"}}}""", GiftHubDto.Product.class);
        var offers = GiftHubMapper.INSTANCE.offers(product);
        assertThat(offers).extracting(o -> o.product().sku().value()).containsExactly("R", "F");
        assertThat(offers.get(0).product().value().accepts(Money.of("15", "USD"))).isTrue();
        assertThat(offers.get(0).product().value().accepts(Money.of("17", "USD"))).isFalse();
        assertThat(offers.get(1).product().name()).isEqualTo("Visa 25");
        assertThat(offers.get(0).productType()).isEqualTo("range");
    }
}
