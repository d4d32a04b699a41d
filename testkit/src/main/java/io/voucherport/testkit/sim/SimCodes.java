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
     * @param random the source of the characters, not null; a seeded one makes runs reproducible
     * @param groups how many groups of four characters, at least 1
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
     * @param random the source of the digits, not null; a seeded one makes runs reproducible
     * @return a ten-digit PIN as text, so leading zeros survive
     */
    public static String pin(Random random) {
        return String.format("%010d", Math.floorMod(random.nextLong(), 10_000_000_000L));
    }
}
