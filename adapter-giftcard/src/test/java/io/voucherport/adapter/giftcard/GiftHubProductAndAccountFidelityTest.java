package io.voucherport.adapter.giftcard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vavr.control.Option;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.money.Money;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.supply.Balance;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.Product;
import io.voucherport.domain.supply.ProductValue;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator.Endpoint;
import io.voucherport.testkit.sim.SimFault;
import java.time.Duration;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 for GiftHub: a catalog product's {@code productId}, {@code parentId}, {@code region} and
 * {@code customerDeal}, and the customer's {@code retailCurrency}, reach the caller. Payloads follow
 * GiftHub's fact sheet ({@code providers/gifthub.md}: Product, customer info) and, for the deal, its
 * Retrieve Order page ({@code seed-docs/gifthub-retrieve-order.txt}), fed through the simulator's
 * rewrite hook.
 */
class GiftHubProductAndAccountFidelityTest {

    /** A product list page as the fact sheet documents it: {@code {nextPageToken?, result: [Product]}}. */
    private static final String PRODUCTS = """
            {"message": "Products", "data": {"result": [
              {"productId": "P-adidas-dk", "parentId": "adidas", "name": "Adidas DK", "country": "DK", "region": "local",
               "baseCurrency": "DKK", "state": "ACTIVE", "productType": "fixed",
               "variants": {"gc035-208-1000": {"sku": "gc035-208-1000", "name": "Adidas DK-1000", "state": "ACTIVE",
                 "quote": 1000}},
               "customerDeal": {"dealState": "ACTIVE", "fee": {"amount": 2.5, "adjustmentMode": "percentage"},
                 "discount": {"amount": 0, "adjustmentMode": "percentage"}}},
              {"productId": "P-visa-us", "name": "Visa US", "country": "US", "region": "global", "baseCurrency": "USD",
               "state": "ACTIVE", "productType": "range",
               "variants": {"VISA-US-RANGE": {"sku": "VISA-US-RANGE", "state": "ACTIVE",
                 "range": {"min": 10, "max": 100, "step": 5}}},
               "customerDeal": {"dealState": "ACTIVE", "fee": {"amount": "a lot", "adjustmentMode": "percentage"}}}]}}""";

    private GiftHubSimulator gifthub;
    private GiftHubSupplier supplier;

    @BeforeEach
    void start() {
        gifthub = GiftHubSimulator.create().withSampleData();
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

    /** GiftHub answers {@code endpoint} once with {@code body} instead of its own answer. */
    private void answer(Endpoint endpoint, String body) {
        gifthub.inject(endpoint, new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                "(?s)\\A.*\\z\u0000" + Matcher.quoteReplacement(body)));
    }

    @Test
    void aCatalogProductKeepsItsIdParentRegionAndDeal() {
        answer(Endpoint.LIST_PRODUCTS, PRODUCTS);

        PagedSequence.Listing<GiftHubProduct> listing = supplier.products().toListing().get();

        assertThat(listing.items()).hasSize(2);
        GiftHubProduct adidas = listing.items().get(0);
        assertThat(adidas.product().sku().value()).isEqualTo("gc035-208-1000");
        assertThat(adidas.product().value()).isEqualTo(new ProductValue.Fixed(Money.of("1000", "DKK")));
        assertThat(adidas.productId()).contains("P-adidas-dk");
        assertThat(adidas.parentId()).contains("adidas");
        assertThat(adidas.region()).contains("local");
        GiftHubOrder.Deal deal = adidas.customerDeal().get();
        assertThat(deal.state()).contains("ACTIVE");
        assertThat(deal.fee().get().amount()).isEqualByComparingTo("2.5");
        assertThat(deal.fee().get().mode()).contains("percentage");
        assertThat(deal.discount().get().amount()).isEqualByComparingTo("0");
        assertThat(adidas.raw().text("variants.gc035-208-1000.quote")).contains("1000");
        assertThat(adidas.raw().text("customerDeal.fee.amount")).contains("2.5");

        GiftHubProduct visa = listing.items().get(1);
        assertThat(visa.productId()).contains("P-visa-us");
        assertThat(visa.parentId()).isEmpty();
        assertThat(visa.region()).contains("global");
        assertThat(visa.customerDeal()).as("a deal that cannot be read is not guessed").isEmpty();
        assertThat(listing.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.item()).isEqualTo("product P-visa-us");
            assertThat(u.reason()).startsWith("customerDeal: ").doesNotContain("a lot");
        });
    }

    @Test
    void theProductsAreTheCatalogsProducts() {
        answer(Endpoint.LIST_PRODUCTS, PRODUCTS);
        PagedSequence.Listing<Product> catalog = supplier.catalog().toListing().get();
        answer(Endpoint.LIST_PRODUCTS, PRODUCTS);
        PagedSequence.Listing<GiftHubProduct> products = supplier.products().toListing().get();

        assertThat(products.items()).extracting(GiftHubProduct::product).isEqualTo(catalog.items());
        assertThat(catalog.unreadable()).isEmpty();
    }

    @Test
    void theProductsUnderAParentAreAskedForByParent() {
        gifthub.inject(Endpoint.LIST_PRODUCTS, r -> r.param("parentId").filter("adidas"::equals).isPresent(),
                new SimFault(SimFault.Kind.REWRITE, 0, Duration.ZERO,
                        "(?s)\\A.*\\z\u0000" + Matcher.quoteReplacement(PRODUCTS)));

        assertThat(supplier.products("adidas").toListing().get().items()).extracting(GiftHubProduct::parentId)
                .first().isEqualTo(Option.some("adidas"));
    }

    @Test
    void theCustomerInfoKeepsTheRetailCurrencyBesideTheBalancesAndRates() {
        answer(Endpoint.CUSTOMER_INFO, """
                {"message": "Customer info", "data": {
                  "wallets": {"EUR": {"balance": 1000.5, "frozenBalance": 20, "creditBalance": 0}},
                  "retailCurrency": "DKK",
                  "exchangeRates": [{"baseCurrency": "EUR", "targetCurrency": "DKK", "rate": 7.456803455723542,
                    "modifiedDate": {"_seconds": 1713700802, "_nanoseconds": 0}}]}}""");

        GiftHubAccount account = supplier.account().get();

        assertThat(account.retailCurrency()).contains(CurrencyCode.of("DKK"));
        assertThat(account.balances()).singleElement().extracting(Balance::available)
                .isEqualTo(Money.of("1000.5", "EUR"));
        assertThat(account.exchangeRates().items()).singleElement().satisfies(r -> {
            assertThat(r.quote()).isEqualTo(CurrencyCode.of("DKK"));
            assertThat(r.rate()).isEqualByComparingTo("7.456803455723542");
        });
        assertThat(account.exchangeRates().complete()).isTrue();
    }

    @Test
    void aRetailCurrencyThatIsNoCurrencyCodeIsNeverGuessed() {
        answer(Endpoint.CUSTOMER_INFO, """
                {"message": "Customer info", "data": {"wallets": {"EUR": {"balance": 10}},
                  "retailCurrency": "Danish krone", "exchangeRates": []}}""");

        ProviderFailure failure = supplier.account().getLeft();

        assertThat(failure).isInstanceOf(ProviderFailure.UnexpectedResponse.class);
        assertThat(failure.message()).contains("retailCurrency");
    }
}
