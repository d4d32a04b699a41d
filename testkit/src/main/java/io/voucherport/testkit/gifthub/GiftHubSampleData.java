package io.voucherport.testkit.gifthub;

import io.voucherport.domain.supply.Sku;
import io.voucherport.testkit.contract.CodeSupplierContract;
import java.util.List;

/**
 * What {@link GiftHubSimulator#withSampleData()} serves, and the credentials the simulator accepts
 * by default, as constants: point an adapter at the simulator with them, and fill the supplier
 * contract's {@link CodeSupplierContract.Fixture} with {@link #contractFixture(GiftHubSimulator)}
 * instead of copying values from the simulator's source. The face values are in the product's
 * currency.
 */
public final class GiftHubSampleData {

    /** The OAuth client id the simulator accepts unless told otherwise. */
    public static final String CLIENT_ID = GiftHubSimulator.DEFAULT_CLIENT_ID;
    /** The OAuth client secret the simulator accepts unless told otherwise. */
    public static final String CLIENT_SECRET = GiftHubSimulator.DEFAULT_CLIENT_SECRET;

    /** Adidas DK, 1000 DKK. */
    public static final String ADIDAS_DK_1000 = "gc035-208-1000";
    /** Adidas DK, 500 DKK. */
    public static final String ADIDAS_DK_500 = "gc035-208-500";
    /** Steam EU, 20 EUR: delivered when the order completes. */
    public static final String STEAM_EU_20 = "STEAM-EU-20";
    /** Steam EU, 50 EUR. */
    public static final String STEAM_EU_50 = "STEAM-EU-50";
    /** Prepaid Visa US, any amount from 10 to 100 USD in steps of 5. */
    public static final String VISA_US_RANGE = "VISA-US-RANGE";
    /** Music 3 months DE (a time-based card), 30 EUR. */
    public static final String MUSIC_DE_3M = "MUSIC-DE-3M";
    /** Shop DE, 25 EUR (custom fixed). */
    public static final String SHOP_DE_25 = "SHOP-DE-25";
    /** PlayStation UK, 10 GBP. */
    public static final String PSN_UK_10 = "PSN-UK-10";
    /** PlayStation UK, 25 GBP. */
    public static final String PSN_UK_25 = "PSN-UK-25";
    /** Slow shop EU, 15 EUR: fulfilled manually, so its orders stay pending until {@link GiftHubSimulator#fulfilPending()}. */
    public static final String SLOW_EU_15 = "SLOW-EU-15";
    /** Books IR, 500,000 IRT. */
    public static final String BOOKS_IRT_500000 = "BOOKS-IRT-500000";
    /** Every sample SKU, in the order the simulator lists them. */
    public static final List<String> SKUS = List.of(ADIDAS_DK_1000, ADIDAS_DK_500, STEAM_EU_20, STEAM_EU_50, VISA_US_RANGE,
            MUSIC_DE_3M, SHOP_DE_25, PSN_UK_10, PSN_UK_25, SLOW_EU_15, BOOKS_IRT_500000);
    /** How many SKUs the sample catalog holds (eight products). */
    public static final int CATALOG_SIZE = 11;

    /** A SKU delivered when its order completes: {@link #STEAM_EU_20}. */
    public static final String IN_STOCK_SKU = STEAM_EU_20;
    /** A SKU whose orders stay pending until fulfilled: {@link #SLOW_EU_15}. */
    public static final String BACKORDERED_SKU = SLOW_EU_15;
    /** A SKU the simulator does not sell. */
    public static final String UNKNOWN_SKU = "NOPE-1";

    /** The EUR wallet's balance. */
    public static final String EUR_BALANCE = "5000.00";
    /** The EUR wallet's credit. */
    public static final String EUR_CREDIT = "250.00";
    /** The USD wallet's balance. */
    public static final String USD_BALANCE = "100.00";

    private GiftHubSampleData() {
    }

    /**
     * The supplier contract's fixture for an adapter talking to {@code gifthub}, which must serve
     * the sample data ({@link GiftHubSimulator#withSampleData()}): {@link #IN_STOCK_SKU},
     * {@link #BACKORDERED_SKU}, {@link #UNKNOWN_SKU}, {@link GiftHubSimulator#fulfilPending()} and
     * {@link #CATALOG_SIZE}.
     *
     * @param gifthub the simulator behind the supplier under test
     * @return the in-stock, back-ordered and unknown SKUs, how to fulfil pending orders on
     *     {@code gifthub}, and the catalog's size
     */
    public static CodeSupplierContract.Fixture contractFixture(GiftHubSimulator gifthub) {
        return new CodeSupplierContract.Fixture(Sku.of(IN_STOCK_SKU), Sku.of(BACKORDERED_SKU), Sku.of(UNKNOWN_SKU),
                gifthub::fulfilPending, CATALOG_SIZE);
    }
}
