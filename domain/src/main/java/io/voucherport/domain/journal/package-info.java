/**
 * The purchase journal: the library's own durable record of every purchase, written before the
 * first call to a supplier and after every attempt, so that a purchase is never bought twice and a
 * paid order is never lost — across restarts and between service instances. The port is
 * {@link io.voucherport.domain.journal.PurchaseJournal}; the state of one purchase is
 * {@link io.voucherport.domain.journal.JournaledPurchase}, a fold over its
 * {@link io.voucherport.domain.journal.PurchaseEvent}s.
 */
package io.voucherport.domain.journal;
