package io.voucherport.domain.promotion;

import io.voucherport.domain.Require;

/** Where a promotion-code job stands; an unseen value is kept raw and is not terminal. */
public sealed interface JobStatus permits JobStatus.Known, JobStatus.Unknown {

    /** {@return whether the job will not change any more} */
    boolean isTerminal();

    /** The statuses Voucherport knows. */
    enum Known implements JobStatus {
        /** Accepted, not started. */
        PENDING,
        /** Running. */
        PROCESSING,
        /** Done (terminal). */
        COMPLETED,
        /** Ended without its result (terminal). */
        FAILED,
        /** Being cancelled. */
        CANCELLING,
        /** Cancelled (terminal). */
        CANCELLED;

        @Override
        public boolean isTerminal() {
            return this == COMPLETED || this == FAILED || this == CANCELLED;
        }
    }

    /**
     * A status the provider sent that Voucherport does not know.
     *
     * @param raw the value exactly as sent
     */
    record Unknown(String raw) implements JobStatus {
        /**
         * Validates.
         *
         * @param raw the value exactly as sent
         */
        public Unknown {
            Require.present(raw, "raw job status");
        }

        @Override
        public boolean isTerminal() {
            return false;
        }
    }
}
