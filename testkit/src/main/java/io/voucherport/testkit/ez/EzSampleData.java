package io.voucherport.testkit.ez;

import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.contract.CodeSupplierContract;
import java.util.List;

/**
 * What {@link EzSimulator#withSampleData()} serves, and the credentials the simulator accepts by
 * default, as constants: point an adapter at the simulator with them, and fill the supplier
 * contract's {@link CodeSupplierContract.Fixture} with {@link #contractFixture(EzSimulator)}
 * instead of copying values from the simulator's source.
 */
public final class EzSampleData {

    /**
     * One product of the sample catalog.
     *
     * @param sku the SKU to order it by
     * @param name the product's display name, as the catalog lists it
     * @param currency the currency of its face value and price
     * @param faceValue what the card is worth to its holder
     * @param price what a code costs
     * @param stock the codes in stock (0: orders of it stay pending until {@link EzSimulator#fulfilPending()})
     */
    public record Product(String sku, String name, String currency, String faceValue, String price, int stock) {
    }

    /** The API key the simulator accepts unless told otherwise ({@code x-api-key}). */
    public static final String API_KEY = EzSimulator.DEFAULT_API_KEY;
    /** The bearer token the simulator accepts unless told otherwise. */
    public static final String BEARER_TOKEN = EzSimulator.DEFAULT_BEARER_TOKEN;

    /** The SKU of {@link #GAME_STORE_10_USD}: in stock, delivered at once. */
    public static final String IN_STOCK_SKU = "8PX-UF-Y5U";
    /** The SKU of {@link #MARKETPLACE_25_USD}: in stock. */
    public static final String MARKETPLACE_SKU = "AMZ-US-25";
    /** The SKU of {@link #GAME_STORE_20_EUR}: in stock, priced in EUR. */
    public static final String EUR_SKU = "STM-EU-20";
    /** The SKU of {@link #DEPARTMENT_STORE_50_USD}: known, out of stock, so its orders stay pending. */
    public static final String BACKORDERED_SKU = "BACKORDER-50";
    /** A SKU the simulator does not sell. */
    public static final String UNKNOWN_SKU = "NOPE-1";

    /** Game store 10 USD: 9.75 USD, 100 in stock. */
    public static final Product GAME_STORE_10_USD = new Product(IN_STOCK_SKU, "Game store 10 USD", "USD", "10.00", "9.75", 100);
    /** Marketplace 25 USD: 24.10 USD, 100 in stock. */
    public static final Product MARKETPLACE_25_USD =
            new Product(MARKETPLACE_SKU, "Marketplace 25 USD", "USD", "25.00", "24.10", 100);
    /** Game store 20 EUR: 19.40 EUR, 50 in stock. */
    public static final Product GAME_STORE_20_EUR = new Product(EUR_SKU, "Game store 20 EUR", "EUR", "20.00", "19.40", 50);
    /** Department store 50 USD: 48.50 USD, none in stock. */
    public static final Product DEPARTMENT_STORE_50_USD =
            new Product(BACKORDERED_SKU, "Department store 50 USD", "USD", "50.00", "48.50", 0);
    /** The whole sample catalog, in the order the simulator lists it. */
    public static final List<Product> PRODUCTS =
            List.of(GAME_STORE_10_USD, MARKETPLACE_25_USD, GAME_STORE_20_EUR, DEPARTMENT_STORE_50_USD);
    /** How many products the sample catalog holds. */
    public static final int CATALOG_SIZE = 4;

    /** The USD balance the sample account starts with. */
    public static final String USD_BALANCE = "10000.00";
    /** The sample EUR → USD exchange rate. */
    public static final String EUR_USD_RATE = "1.0850";
    /** The sample USD → CAD exchange rate. */
    public static final String USD_CAD_RATE = "1.4102";

    private EzSampleData() {
    }

    /**
     * The supplier contract's fixture for an adapter talking to {@code ez}, which must serve the
     * sample data ({@link EzSimulator#withSampleData()}): {@link #IN_STOCK_SKU},
     * {@link #BACKORDERED_SKU}, {@link #UNKNOWN_SKU}, {@link EzSimulator#fulfilPending()} and
     * {@link #CATALOG_SIZE}.
     *
     * @param ez the simulator behind the supplier under test
     * @return the in-stock, back-ordered and unknown SKUs, how to fulfil pending orders on
     *     {@code ez}, and the catalog's size
     */
    public static CodeSupplierContract.Fixture contractFixture(EzSimulator ez) {
        return new CodeSupplierContract.Fixture(Sku.of(IN_STOCK_SKU), Sku.of(BACKORDERED_SKU), Sku.of(UNKNOWN_SKU),
                ez::fulfilPending, CATALOG_SIZE);
    }
}
