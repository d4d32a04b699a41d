package io.voucherport.testkit.sim;

import java.util.Random;

/** Random codes and PINs for simulators; long enough that a leak test never matches one by chance. */
public final class SimCodes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private SimCodes() {
    }

    /**
     * {@return a code like {@code ABCD-EFGH-...}: {@code groups} groups of four}
     *
     * @param random the random
     * @param groups the groups
     */
    public static String code(Random random, int groups) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < groups * 4; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * Ten decimal digits, possibly with leading zeros.
     *
     * @param random the random
     * @return the text
     */
    public static String pin(Random random) {
        return String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
    }
}
