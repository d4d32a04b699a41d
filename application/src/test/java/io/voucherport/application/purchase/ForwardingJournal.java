package io.voucherport.application.purchase;

import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.testkit.journal.ForwardingPurchaseJournal;
import java.util.function.Supplier;

/** The testkit's forwarding journal with one hook before and one after each write: tests override them to fail or crash. */
class ForwardingJournal extends ForwardingPurchaseJournal {

    ForwardingJournal(PurchaseJournal journal) {
        super(journal);
    }

    /** Runs before each write is passed on. */
    void beforeWrite(String operation) {
    }

    /** Runs after each write was passed on. */
    void afterWrite(String operation) {
    }

    @Override
    protected <T> T call(String operation, Supplier<T> call) {
        if (!isWrite(operation)) {
            return call.get();
        }
        beforeWrite(operation);
        T result = call.get();
        afterWrite(operation);
        return result;
    }
}
