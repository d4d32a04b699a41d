package io.voucherport.domain.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A use-case observation ends exactly once whatever the work throws — a checked exception too,
 * which a port written in Kotlin (or one that throws sneakily) throws without declaring it: a
 * listener that opened a scope on the thread (a span, a long task timer) is never left open on it.
 */
class UseCaseObservationEndsTest {

    @Test
    void anUndeclaredCheckedExceptionEndsTheObservationAndPassesThroughAsItIs() {
        List<String> ended = new ArrayList<>();
        VoucherportListener listener = new VoucherportListener() {
            @Override
            public UseCaseObservation useCaseStarted(UseCaseStart start) {
                return (outcome, latency) -> ended.add(outcome);
            }
        };
        IOException thrown = new IOException("the port's own failure");

        assertThatThrownBy(() -> UseCaseObservation.around(listener, new UseCaseStart("Test", "run"),
                () -> sneaky(thrown), result -> Outcome.OK))
                .isSameAs(thrown);
        assertThat(ended).containsExactly("IOException");
    }

    @SuppressWarnings("unchecked")
    private static <T, E extends Throwable> T sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
