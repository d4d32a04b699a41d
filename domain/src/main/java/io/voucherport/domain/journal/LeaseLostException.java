package io.voucherport.domain.journal;

import io.voucherport.domain.supply.OrderReference;

/**
 * A journal write was refused because the writer's lease was taken over by another instance (its
 * lease had run out). The writer must stop driving the purchase at once: the new holder does.
 */
public final class LeaseLostException extends JournalException {

    private static final long serialVersionUID = 1L;

    /**
     * The lease on {@code reference} held by {@code owner} is lost.
     *
     * @param reference the caller's order reference, unique per purchase
     * @param owner this instance's owner name in the journal
     */
    public LeaseLostException(OrderReference reference, String owner) {
        super("the lease on purchase " + reference + " held by " + owner + " was taken over by another instance", null);
    }
}
