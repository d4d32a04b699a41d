package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voucherport.adapter.support.JsonSupport;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.ExchangeRate;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.DeliveredCode;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 for GiftHub: every documented field reaches the caller, one odd item never spoils an
 * answer, nothing is dropped silently. Payloads follow GiftHub's Retrieve Order page
 * ({@code seed-docs/gifthub-retrieve-order.txt}) and its fact sheet ({@code providers/gifthub.md}).
 */
class GiftHubFidelityTest {

    private static final ObjectMapper JSON = JsonSupport.newObjectMapper();
    private static final SupplierOrderId ID = SupplierOrderId.of("IW63OjZJW9eI21KJ1ohy");
    private static final GiftHubMapper MAP = GiftHubMapper.INSTANCE;

    private GiftHubSimulator gifthub;
    private GiftHubSupplier supplier;

    @BeforeEach
    void start() {
        gifthub = GiftHubSimulator.create().withSampleData().pollsToComplete(1);
        gifthub.start();
        supplier = GiftHubSupplier.builder().baseUrl(gifthub.baseUrl())
                .clientId(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_ID))
                .clientSecret(Secret.of(GiftHubSimulator.DEFAULT_CLIENT_SECRET))
                .sleeper(d -> { })
                .references(OrderReferenceStore.inMemory()).build();
    }

    @AfterEach
    void stop() {
        supplier.close();
        gifthub.close();
    }

    private static JsonNode example() throws IOException {
        try (InputStream in = GiftHubFidelityTest.class.getResourceAsStream("/retrieve-order-example.json")) {
            return JSON.readTree(in).get("data");
        }
    }

    private static GiftHubMapper.Retrieved retrieved(JsonNode order) {
        return GiftHubMapper.Retrieved.of(ID, order, GiftHubMapper.MASKING);
    }

    private static GiftHubMapper.Retrieved retrieved(String order) throws IOException {
        return retrieved(JSON.readTree(order));
    }

    // ---- 2. exchange rates

    @Test
    void aRateWhoseTargetCurrencyCannotBeReadIsReportedAndTheOthersKept() throws IOException {
        List<JsonNode> rates = new java.util.ArrayList<>();
        JSON.readTree("""
                [{"targetCurrency": "DKK", "rate": 7.456803455723542,
                  "modifiedDate": {"_seconds": 1713700802, "_nanoseconds": 866000000}, "baseCurrency": "EUR"},
                 {"targetCurrency": null, "rate": 0.8551, "baseCurrency": "EUR"},
                 {"targetCurrency": "Pound sterling", "rate": 0.8551, "baseCurrency": "EUR"},
                 {"targetCurrency": {"code": "GBP"}, "rate": 0.8551, "baseCurrency": "EUR"}]""").forEach(rates::add);
        PagedSequence.Listing<ExchangeRate> listing = MAP.rates(rates);
        assertThat(listing.items()).singleElement().satisfies(r -> assertThat(r.quote()).isEqualTo(CurrencyCode.of("DKK")));
        assertThat(listing.unreadable()).hasSize(3).allSatisfy(u -> {
            assertThat(u.details().provider()).isEqualTo(GiftHubSupplier.PROVIDER);
            assertThat(u.reason()).isNotBlank();
        });
        assertThat(listing.unreadable()).extracting(ProviderFailure.UnreadableItem::item)
                .containsExactly("exchange rate 1 (EUR to (none))", "exchange rate 2 (EUR to Pound sterling)",
                        "exchange rate 3");
    }

    @Test
    void theSupplierReportsAnUnreadableRateBesideTheReadableOnes() {
        gifthub.inject(Endpoint.CUSTOMER_INFO, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"targetCurrency\"\\s*:\\s*)\"IRT\"\u0000$1\"toman\""));
        PagedSequence.Listing<ExchangeRate> rates = supplier.exchangeRates().get();
        assertThat(rates.items()).extracting(r -> r.quote().code()).containsExactlyInAnyOrder("DKK", "USD", "GBP", "EUR");
        assertThat(rates.unreadable()).singleElement().satisfies(u -> assertThat(u.item()).contains("toman"));
    }

    // ---- 3. the order's documented fields

    @Test
    void theDocumentedOrderReachesTheCallerFieldByField() throws IOException {
        GiftHubOrder full = MAP.full(retrieved(example()));
        Sku sku = Sku.of("gc035-208-1000");
        GiftHubOrder.Line line = full.line(sku).get();
        assertThat(line.quote()).contains(Money.of("1000", "DKK"));
        assertThat(line.name()).contains("Adidas DK-1000");
        assertThat(line.country()).contains("DK");
        assertThat(line.region()).contains("local");
        assertThat(line.productType()).contains("fixed");
        assertThat(line.faceValue()).contains(Money.of("1000", "DKK"));
        GiftHubOrder.Deal deal = line.deal().get();
        assertThat(deal.state()).contains("ACTIVE");
        assertThat(deal.fee().get().amount()).isEqualByComparingTo("0");
        assertThat(deal.fee().get().mode()).contains("percentage");
        assertThat(deal.discount().get().mode()).contains("percentage");

        GiftHubInvoice invoice = full.invoice().get();
        assertThat(invoice.items(GiftHubInvoice.MAIN_PRODUCT)).singleElement().satisfies(i -> {
            assertThat(i.metaData().text("quantity")).contains("1");
            assertThat(i.metaData().text("quote")).contains("1000");
        });
        assertThat(invoice.items("exchange-base-currency")).singleElement().satisfies(i -> {
            assertThat(i.metaData().text("rate")).contains("7.456803455723542");
            assertThat(i.metaData().text("modifiedDate._seconds")).contains("1713700802");
        });
        assertThat(full.order().lines()).singleElement().satisfies(l -> {
            assertThat(l.unitPrice()).contains(Money.of("134.11", "EUR"));
            assertThat(l.totalPrice()).contains(Money.of("134.11", "EUR"));
        });
        assertThat(full.unreadable()).isEmpty();
        assertThat(full.exchangeRates().complete()).isTrue();
    }

    @Test
    void aFeeAndADiscountAreKeptAsSentAndTheUnitPriceIsTheWalletPriceOfOneCode() throws IOException {
        GiftHubOrder full = MAP.full(retrieved("""
                {"uid": "o-2", "state": "successful", "reference": "ref-2",
                 "products": {"STEAM-EU-20": {"sku": "STEAM-EU-20", "request": {"quote": 20, "quantity": 2},
                   "customerDeal": {"dealState": "ACTIVE", "fee": {"amount": 2.5, "adjustmentMode": "percentage"},
                                    "discount": {"amount": 1, "adjustmentMode": "fixed"}},
                   "shopItem": {"country": "DE", "quote": 20, "name": "Steam 20", "region": "global",
                                "productType": "fixed", "baseCurrency": "EUR"}}},
                 "invoice": {"total": 40.50, "wallet": "EUR", "paymentMethod": "balance", "status": "paid",
                   "records": [{"sku": "STEAM-EU-20", "total": {"EUR": 40.50}, "items": [
                     {"type": "fee", "description": "Fee", "effect": {"amount": 1.00, "currency": "EUR"},
                      "metaData": {"amount": 2.5, "adjustmentMode": "percentage"}}]}]}}"""));
        GiftHubOrder.Deal deal = full.line(Sku.of("STEAM-EU-20")).get().deal().get();
        assertThat(deal.fee().get().amount()).isEqualByComparingTo("2.5");
        assertThat(deal.discount().get().amount()).isEqualByComparingTo("1");
        assertThat(deal.discount().get().mode()).contains("fixed");
        assertThat(full.invoice().get().items(GiftHubInvoice.FEE).get(0).metaData().text("adjustmentMode"))
                .contains("percentage");
        assertThat(full.order().lines().get(0).unitPrice()).contains(Money.of("20.25", "EUR"));
        assertThat(full.line(Sku.of("STEAM-EU-20")).get().faceValue()).isEmpty();   // not delivered: no redeem data
    }

    @Test
    void aUnitPriceThatDoesNotDivideExactlyIsNotInvented() throws IOException {
        SupplierOrder order = MAP.order(retrieved("""
                {"state": "successful", "products": {"A": {"sku": "A", "request": {"quote": 10, "quantity": 3}}},
                 "invoice": {"total": 10.00, "wallet": "EUR", "records": [{"sku": "A", "total": {"EUR": 10.00}}]}}"""));
        assertThat(order.lines().get(0).totalPrice()).contains(Money.of("10.00", "EUR"));
        assertThat(order.lines().get(0).unitPrice()).isEmpty();
    }

    @Test
    void theRawOrderKeepsEveryFieldWithSecretsMasked() throws IOException {
        GiftHubOrder full = MAP.full(retrieved(example()));
        assertThat(full.raw().text("reference")).contains("Test Referance");
        assertThat(full.raw().text("products.gc035-208-1000.customerDeal.dealState")).contains("ACTIVE");
        assertThat(full.raw().text("redeem.gc035-208-1000.value")).contains("1000");
        assertThat(full.raw().json()).doesNotContain("MV97-QWEK").doesNotContain("mocked.link");
        assertThat(full.toString()).doesNotContain("MV97-QWEK").doesNotContain("mocked.link");
    }

    @Test
    void theSupplierAnswersTheFullOrderWithItsRawFieldsMasked() {
        SupplierOrder placed = supplier.place(OrderRequest.of(OrderReference.of("ref-raw-1"),
                OrderLine.of("STEAM-EU-20", 1))).get();
        supplier.findOrder(placed.id());
        GiftHubOrder full = supplier.order(placed.id()).get();
        assertThat(full.raw().text("reference")).contains("ref-raw-1");
        assertThat(full.line(Sku.of("STEAM-EU-20")).get().quote()).contains(Money.of("20", "EUR"));
        assertThat(full.line(Sku.of("STEAM-EU-20")).get().deal()).isNotEmpty();
        DeliveredCode code = full.codes().delivered().get(0);
        assertThat(full.raw().json()).doesNotContain(code.code().get().reveal())
                .doesNotContain(code.redeemLink().get().reveal());
    }

    @Test
    void aReferenceGiftHubWouldNotKeepExactlyIsRefusedBeforeSending() {
        for (String reference : List.of("order\u2028two", "bidi\u202Eevil", "zero\u200Bwidth", "lone\uD800x")) {
            ProviderFailure refused = supplier.place(OrderRequest.of(OrderReference.of(reference),
                    OrderLine.of("STEAM-EU-20", 1))).getLeft();
            assertThat(refused).isInstanceOf(ProviderFailure.InvalidRequest.class);
            assertThat(refused.message()).contains("at most " + GiftHubSupplier.MAX_REFERENCE_LENGTH + " characters")
                    .contains("control, format or line-separator");
            assertThat(refused.provablyNotApplied()).isTrue();
        }
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).as("nothing sent").isZero();
        assertThat(GiftHubPlacement.unkept("x".repeat(GiftHubSupplier.MAX_REFERENCE_LENGTH + 1)).get())
                .contains("at most 64 characters").contains("but it has 65");
        assertThat(GiftHubPlacement.unkept("Test Referance \uD83C\uDF81 é")).isEmpty();
    }

    // ---- 8. counts

    @Test
    void aNegativeOrOverflowingCountIsUnreadableNeverClamped() throws IOException {
        for (String quantity : List.of("-1", "3000000000", "1.5", "\"many\"")) {
            GiftHubMapper.Retrieved order = retrieved("""
                    {"state": "successful",
                     "products": {"gc035-208-1000": {"sku": "gc035-208-1000", "request": {"quote": 1000, "quantity": %s}}},
                     "redeem": {"gc035-208-1000": {"redeemPin": ["MV97-QWEK-4EQ5-0082-GRW3"], "currency": "DKK",
                                                   "redeemLink": "https://www.mocked.link/", "value": 1000}}}"""
                    .formatted(quantity));
            assertThatThrownBy(() -> MAP.order(order)).isInstanceOf(MalformedAnswerException.class)
                    .hasMessageContaining("gc035-208-1000").hasMessageContaining("request.quantity");
            OrderCodes codes = MAP.codes(order);   // the codes of a paid order still come
            assertThat(codes.delivered()).hasSize(1);
            GiftHubOrder full = MAP.full(order);
            assertThat(full.order().lines()).isEmpty();
            assertThat(full.unreadable()).singleElement().satisfies(u -> {
                assertThat(u.item()).isEqualTo("gc035-208-1000");
                assertThat(u.reason()).contains("request.quantity");
            });
        }
    }

    @Test
    void theSupplierReportsANegativeCountInsteadOfClampingIt() {
        SupplierOrder placed = supplier.place(OrderRequest.of(OrderReference.generate(),
                OrderLine.of("STEAM-EU-20", 2))).get();
        gifthub.inject(Endpoint.GET_ORDER, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"quantity\"\\s*:\\s*)2\u0000$1-2"));
        ProviderFailure failure = supplier.findOrder(placed.id()).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).contains("negative");
    }

    // ---- 9 and per-code tolerance: every redeem shape, one way to show it

    @Test
    void everyRedeemShapeShowsTheCustomerTheRightThing() throws IOException {
        OrderCodes codes = MAP.codes(retrieved("""
                {"state": "successful", "products": {
                   "PIN": {"request": {"quantity": 1}}, "CARD": {"request": {"quantity": 1}},
                   "CARDPIN": {"request": {"quantity": 1}}, "CARDLINK": {"request": {"quantity": 1}},
                   "LINK": {"request": {"quantity": 1}}},
                 "redeem": {
                   "PIN": {"redeemPin": ["MV97-QWEK-4EQ5-0082-GRW3"], "currency": "DKK",
                           "redeemLink": "https://www.mocked.link/", "value": 1000},
                   "CARD": {"cards": [{"redeemCardCode": "CODE-1", "redeemPin": "0042", "redeemSerialNumber": "S1",
                            "redeemLink": null, "expirationDate": {"_seconds": 1800000000, "_nanoseconds": 0}}]},
                   "CARDPIN": {"cards": [{"redeemPin": "PIN-ONLY-7"}]},
                   "CARDLINK": {"cards": [{"redeemLink": "https://redeem.example/c/1"}]},
                   "LINK": {"redeemLink": "https://redeem.example/l/1"}}}"""));
        assertThat(primary(codes, "PIN")).isEqualTo("MV97-QWEK-4EQ5-0082-GRW3");
        assertThat(redemption(codes, "PIN").redeemLink().map(Secret::reveal)).contains("https://www.mocked.link/");
        assertThat(redemption(codes, "PIN").pin()).isEmpty();
        assertThat(primary(codes, "CARD")).isEqualTo("CODE-1");
        assertThat(redemption(codes, "CARD").pin().map(Secret::reveal)).contains("0042");
        assertThat(primary(codes, "CARDPIN")).isEqualTo("PIN-ONLY-7");
        assertThat(primary(codes, "CARDLINK")).isEqualTo("https://redeem.example/c/1");
        assertThat(primary(codes, "LINK")).isEqualTo("https://redeem.example/l/1");
        assertThat(codes.isComplete()).isTrue();
    }

    @Test
    void aPinOnlyCardFromTheSupplierIsWhatTheCustomerRedeems() {
        SupplierOrder placed = supplier.place(OrderRequest.of(OrderReference.generate(),
                OrderLine.of("PSN-UK-10", 2))).get();
        supplier.findOrder(placed.id());
        OrderCodes codes = supplier.fetchCodes(placed.id()).get();
        assertThat(codes.delivered()).hasSize(2).allSatisfy(c -> {
            assertThat(c.code()).isEmpty();
            assertThat(c.redemption().get().primary()).isEqualTo(c.pin().get());
            assertThat(c.redemption().get().redeemLink()).isNotEmpty();
        });
    }

    @Test
    void aCodeThatCannotBeReadIsMissingNeverDeliveredAndTheOthersAreKept() throws IOException {
        GiftHubMapper.Retrieved order = retrieved("""
                {"state": "successful", "products": {"A": {"sku": "A", "request": {"quote": 10, "quantity": 4}}},
                 "redeem": {"A": {"currency": "EUR", "value": 10, "cards": [
                     {"redeemCardCode": "CODE-0001-AAAA", "redeemPin": "1111"},
                     {"redeemCardCode": {"value": "CODE-0002-BBBB"}},
                     {"redeemSerialNumber": "S3"},
                     "CODE-0004-DDDD"]}}}""");
        OrderCodes codes = MAP.codes(order);
        SkuCodes a = codes.skus().get(0);
        assertThat(a.delivered()).singleElement()
                .satisfies(c -> assertThat(c.code().map(Secret::reveal)).contains("CODE-0001-AAAA"));
        assertThat(a.unreadable()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CodeStatus.UNREADABLE);
            assertThat(c.stockId()).isEmpty();
        });
        assertThat(a.missing()).isEqualTo(3);
        assertThat(codes.isComplete()).isFalse();
        GiftHubOrder full = MAP.full(order);
        assertThat(full.unreadable()).singleElement().satisfies(u -> assertThat(u.reason()).contains("3 delivered code"));
        assertThat(full.toString()).doesNotContain("CODE-000");
        assertThat(MAP.full(retrieved("""
                {"state": "successful", "products": {"A": {"request": {"quantity": 1}}},
                 "redeem": {"A": "CODE-0005-EEEE"}}""")).raw().json()).doesNotContain("CODE-0005");
    }

    @Test
    void unreadableRedeemDataOfOneSkuSpoilsNoOtherSku() throws IOException {
        OrderCodes codes = MAP.codes(retrieved("""
                {"state": "partial", "products": {"A": {"request": {"quantity": 1}}, "B": {"request": {"quantity": 1}}},
                 "redeem": {"A": "oops", "B": {"redeemPin": ["P-1"], "value": "ten", "currency": "EUR"}}}"""));
        assertThat(codes.skus().get(0).unreadable()).hasSize(1);
        assertThat(codes.skus().get(1).delivered()).hasSize(1);
    }

    // ---- per-item tolerance in the catalog

    @Test
    void anUnreadableProductOrVariantIsReportedBySkuAndTheOthersAreDelivered() throws IOException {
        GiftHubDto.ProductPage page = JSON.readValue("""
                {"nextPageToken": null, "result": [
                  {"productId": "p1", "name": "Visa", "country": "US", "baseCurrency": "USD", "state": "ACTIVE",
                   "productType": "range", "variants": {
                     "R": {"sku": "R", "state": "ACTIVE", "range": {"min": 10, "max": 100, "step": 5}},
                     "BAD": {"sku": "BAD", "quote": "lots"},
                     "NONE": {"sku": "NONE", "state": "ACTIVE"},
                     "OFF": {"sku": "OFF", "state": "INACTIVE", "quote": 5}}},
                  {"productId": "p2", "name": "Adidas DK", "baseCurrency": "Danish krone", "state": "ACTIVE",
                   "productType": "fixed", "variants": {"gc035-208-1000": {"sku": "gc035-208-1000", "quote": 1000}}},
                  {"productId": "p3", "variants": ["not", "a", "map"]},
                  {"productId": "p4", "baseCurrency": "EUR", "productType": "fixed",
                   "variants": {"STEAM-EU-20": {"sku": "STEAM-EU-20", "quote": 20}}}]}""",
                GiftHubDto.ProductPage.class);
        PagedSequence.Listing<GiftHubCatalog.Offer> listing = MAP.offersOf(page);
        assertThat(listing.items()).extracting(o -> o.product().sku().value()).containsExactly("R", "STEAM-EU-20");
        assertThat(listing.unreadable()).extracting(ProviderFailure.UnreadableItem::item)
                .containsExactly("BAD", "NONE", "gc035-208-1000", "product p3");
        assertThat(listing.unreadable()).allSatisfy(u -> assertThat(u.reason()).isNotBlank());
        assertThat(listing.unreadable().get(0).reason()).contains("quote");
    }

    @Test
    void theCatalogDeliversEveryReadableProductAndReportsTheRestAndAnUnreadableSkuIsNotOrdered() {
        gifthub.inject(Endpoint.LIST_PRODUCTS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"baseCurrency\"\\s*:\\s*)\"GBP\"\u0000$1\"pounds\""));
        PagedSequence.Listing<Product> listing = supplier.catalog().toListing().get();
        assertThat(listing.items()).extracting(p -> p.sku().value()).contains("STEAM-EU-20", "VISA-US-RANGE")
                .doesNotContain("PSN-UK-10");
        assertThat(listing.unreadable()).extracting(ProviderFailure.UnreadableItem::item)
                .containsExactlyInAnyOrder("PSN-UK-10", "PSN-UK-25");
        gifthub.inject(Endpoint.LIST_PRODUCTS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"baseCurrency\"\\s*:\\s*)\"GBP\"\u0000$1\"pounds\""));
        assertThat(supplier.catalog().toList().getLeft()).isInstanceOf(ProviderFailure.UnreadableItem.class);

        gifthub.inject(Endpoint.LIST_PRODUCTS, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(\"baseCurrency\"\\s*:\\s*)\"GBP\"\u0000$1\"pounds\""));
        ProviderFailure refused = supplier.place(OrderRequest.of(OrderReference.generate(),
                OrderLine.of("PSN-UK-10", 1))).getLeft();
        assertThat(refused).isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(refused.message()).contains("cannot be read").contains("baseCurrency");
        assertThat(gifthub.requests(Endpoint.CREATE_ORDER)).isZero();
    }

    private static DeliveredCode.Redemption redemption(OrderCodes codes, String sku) {
        return codes.skus().stream().filter(s -> s.sku().value().equals(sku)).findFirst().orElseThrow()
                .delivered().get(0).redemption().get();
    }

    private static String primary(OrderCodes codes, String sku) {
        return redemption(codes, sku).primary().reveal();
    }

}
