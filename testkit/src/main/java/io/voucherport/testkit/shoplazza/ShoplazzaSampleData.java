package io.voucherport.testkit.shoplazza;

import io.voucherport.domain.discount.PriceRuleId;
import io.voucherport.testkit.contract.DiscountsContract;
import java.time.Instant;
import java.util.Locale;

/**
 * What {@link ShoplazzaSimulator#withSampleData()} serves and the credentials the simulator
 * accepts, as constants, and the discounts contract's data
 * ({@link #contractFixture(ShoplazzaSimulator)}). Rule ids are made by the simulator: only codes
 * and titles are constants.
 */
public final class ShoplazzaSampleData {

    /** The access token the simulator accepts unless OAuth issued others. */
    public static final String ACCESS_TOKEN = ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN;
    /** The OAuth app's client id. */
    public static final String CLIENT_ID = ShoplazzaSimulator.CLIENT_ID;
    /** The OAuth app's client secret. */
    public static final String CLIENT_SECRET = ShoplazzaSimulator.CLIENT_SECRET;
    /** The refresh token the simulator starts with (it rotates at every refresh). */
    public static final String FIRST_REFRESH_TOKEN = ShoplazzaSimulator.FIRST_REFRESH_TOKEN;

    /** The title of the sample rule of 10 % off, 100 uses, ending 30 days after the simulator was seeded. */
    public static final String TEN_OFF = "Ten off";
    /** How many codes {@link #TEN_OFF} holds: {@code TEN001} to {@code TEN060}. */
    public static final int TEN_OFF_CODES = 60;
    /** A code of {@link #TEN_OFF} used 100 times: its rule's limit is reached. */
    public static final String EXHAUSTED_CODE = "TEN001";
    /** The title of the sample rule of 5.00 off, without usage limit or end. */
    public static final String FIVE_EURO = "Five euro";
    /** A code of {@link #FIVE_EURO} used 12 times. */
    public static final String FIVE_OFF_CODE = "FIVEOFF";
    /** A code of {@link #FIVE_EURO} never used. */
    public static final String WELCOME_CODE = "WELCOME5";

    /** How many codes the contract's limited rule holds ({@code CONTRACT0} to {@code CONTRACT29}, more than a page). */
    public static final int CONTRACT_CODES = 30;
    /** The contract's limited rule's usage limit. */
    public static final int CONTRACT_LIMIT = 100;
    /** The one code of the contract's unlimited rule. */
    public static final String CONTRACT_KNOWN_CODE = "KNOWNCODE";

    private ShoplazzaSampleData() {
    }

    /**
     * The code of {@link #TEN_OFF} numbered {@code n}.
     *
     * @param n 1 to {@link #TEN_OFF_CODES}
     * @return its text, {@code TEN001} for 1
     */
    public static String tenOffCode(int n) {
        return String.format(Locale.ROOT, "TEN%03d", n);
    }

    /**
     * Seeds the discounts contract's data on {@code shoplazza} and describes it: a rule of 10 %
     * off limited to {@link #CONTRACT_LIMIT} uses holding {@link #CONTRACT_CODES} codes, and a
     * rule of 5 off without limit or end holding {@link #CONTRACT_KNOWN_CODE}. Each call seeds two
     * new rules: call it once per simulator and keep the fixture.
     *
     * @param shoplazza the simulator behind the ports under test
     * @return the two new rules' ids, the limited rule's limit and code count, and the unlimited
     *     rule's known code
     */
    public static DiscountsContract.Fixture contractFixture(ShoplazzaSimulator shoplazza) {
        String limited = shoplazza.rule("Ten off", "percentage", "10", CONTRACT_LIMIT, Instant.parse("2027-01-01T00:00:00Z"));
        for (int i = 0; i < CONTRACT_CODES; i++) {
            shoplazza.code(limited, "CONTRACT" + i, i % 3);
        }
        String unlimited = shoplazza.rule("Five off", "fixed_amount", "5", -1, null);
        shoplazza.code(unlimited, CONTRACT_KNOWN_CODE, 4);
        return new DiscountsContract.Fixture(PriceRuleId.of(limited), CONTRACT_LIMIT, CONTRACT_CODES,
                PriceRuleId.of(unlimited), CONTRACT_KNOWN_CODE);
    }
}
