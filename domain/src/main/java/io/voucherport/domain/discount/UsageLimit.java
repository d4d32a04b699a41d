package io.voucherport.domain.discount;

import io.voucherport.domain.Require;

/** How many times a price rule's codes may be used: a number, or unlimited (never a -1 sentinel). */
public sealed interface UsageLimit permits UsageLimit.Unlimited, UsageLimit.Limited {

    /** No limit. */
    UsageLimit UNLIMITED = Unlimited.INSTANCE;

    /**
     * {@return whether {@code usageCount} uses leave at least one more}
     *
     * @param usageCount how many times the codes have been used so far, 0 or more
     */
    boolean allowsAnotherUse(int usageCount);

    /**
     * {@return a limit of {@code max} uses}
     *
     * @param max how many uses are allowed in all, 0 or more (0: none left from the start)
     */
    static UsageLimit of(int max) {
        return new Limited(max);
    }

    /** No limit. */
    enum Unlimited implements UsageLimit {
        /** The one value: no limit. */
        INSTANCE;

        @Override
        public boolean allowsAnotherUse(int usageCount) {
            return true;
        }
    }

    /**
     * At most {@code max} uses.
     *
     * @param max uses allowed, 0 or more
     */
    record Limited(int max) implements UsageLimit {
        /**
         * Validates.
         *
         * @param max uses allowed, 0 or more
         */
        public Limited {
            Require.notNegative(max, "usage limit");
        }

        @Override
        public boolean allowsAnotherUse(int usageCount) {
            return usageCount < max;
        }
    }
}
