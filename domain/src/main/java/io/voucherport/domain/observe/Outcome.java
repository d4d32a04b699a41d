package io.voucherport.domain.observe;

import io.vavr.control.Either;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;

/** The outcome vocabulary of events: {@link #OK} or a {@link ProviderFailure} type's simple name. */
public final class Outcome {

    /** The outcome of a call or operation that succeeded. */
    public static final String OK = "ok";

    private Outcome() {
    }

    /**
     * The outcome naming {@code failure}'s type, e.g. {@code OutcomeUnknown}; never its message.
     *
     * @param failure a port's failure, not null
     * @return its type's simple name
     */
    public static String of(ProviderFailure failure) {
        return Require.present(failure, "failure").getClass().getSimpleName();
    }

    /**
     * The outcome of a result: {@link #OK} for a {@code Right}, the failure's type for a {@code Left}.
     *
     * @param result a port method's result, not null
     * @return {@link #OK} or the failure type's simple name
     */
    public static String of(Either<? extends ProviderFailure, ?> result) {
        Require.present(result, "result");
        return result.isRight() ? OK : of(result.getLeft());
    }
}
