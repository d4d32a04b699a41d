package io.voucherport.domain.journal;

import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;
import java.time.Instant;

/**
 * The right of one owner (a service instance) to drive one purchase until {@code until}. Every
 * write to the journal carries the lease; a write with a lease that another owner has since taken
 * over is refused with {@link LeaseLostException}, so two instances never drive the same purchase
 * at the same moment.
 *
 * @param reference the purchase
 * @param owner the instance holding it
 * @param token a fencing token: grows with every claim of this purchase
 * @param until when the lease runs out unless renewed
 */
public record Lease(OrderReference reference, String owner, long token, Instant until) {

    /**
     * Validates.
     *
     * @param reference the purchase
     * @param owner the instance holding it
     * @param token a fencing token: grows with every claim of this purchase
     * @param until when the lease runs out unless renewed
     */
    public Lease {
        Require.present(reference, "reference");
        Require.text(owner, "owner");
        Require.present(until, "until");
        if (token < 1) {
            throw new IllegalArgumentException("token must be positive but was " + token);
        }
    }
}
