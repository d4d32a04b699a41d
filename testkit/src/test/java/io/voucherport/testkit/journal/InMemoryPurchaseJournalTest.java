package io.voucherport.testkit.journal;

import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.testkit.contract.PurchaseJournalContract;

class InMemoryPurchaseJournalTest extends PurchaseJournalContract {

    @Override
    protected PurchaseJournal journal() {
        return new InMemoryPurchaseJournal();
    }
}
