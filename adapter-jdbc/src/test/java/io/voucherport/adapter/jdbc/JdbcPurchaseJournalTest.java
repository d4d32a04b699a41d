package io.voucherport.adapter.jdbc;

import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.testkit.contract.PurchaseJournalContract;

/** The purchase journal contract on a real PostgreSQL, each test in a fresh schema. */
class JdbcPurchaseJournalTest extends PurchaseJournalContract {

    @Override
    protected PurchaseJournal journal() {
        return JdbcPurchaseJournal.builder(EmbeddedDatabase.dataSource()).schema(EmbeddedDatabase.freshSchema()).build();
    }
}
