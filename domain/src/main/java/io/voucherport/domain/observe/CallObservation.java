package io.voucherport.domain.observe;

/**
 * One provider call as a listener follows it, from {@link VoucherportListener#callStarted}: told of
 * each attempt as it ends, then of the call's end, exactly once, on the thread that started it.
 */
public interface CallObservation {

    /** The handle that does nothing. */
    CallObservation NONE = new CallObservation() {
    };

    /**
     * An attempt ended (the first one included); when it is retried, after the wait before the next.
     *
     * @param attempt how the attempt went
     */
    default void attempt(AttemptEnd attempt) {
    }

    /**
     * The call ended with its final result.
     *
     * @param end how the call went
     */
    default void finished(CallEnd end) {
    }
}
