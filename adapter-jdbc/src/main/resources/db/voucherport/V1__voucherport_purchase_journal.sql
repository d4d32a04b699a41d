--liquibase formatted sql
--changeset voucherport:1
-- Voucherport purchase journal (PostgreSQL). Unqualified names: run it with the schema you want
-- as the search_path (Flyway's and Liquibase's default schema, or JdbcSchema.createIfMissing).

-- One row per purchase, keyed by the caller's reference: the primary key is what makes "open"
-- atomic. The request and events are kept in StoredForm's versioned text; status, supplier and
-- request are the fold of the events, written by the lease holder with each event.
CREATE TABLE IF NOT EXISTS voucherport_purchase (
    reference        varchar(64)  NOT NULL,
    status           varchar(24)  NOT NULL,
    opened_supplier  varchar(256) NOT NULL,
    opened_request   text         NOT NULL,
    supplier         varchar(256) NOT NULL,
    request          text         NOT NULL,
    event_count      integer      NOT NULL,
    opened_at        timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL,
    due_at           timestamptz  NOT NULL,
    lease_owner      varchar(256),
    lease_token      bigint       NOT NULL,
    lease_until      timestamptz,
    CONSTRAINT voucherport_purchase_pk PRIMARY KEY (reference),
    CONSTRAINT voucherport_purchase_status_ck
        CHECK (status IN ('OPEN', 'DELIVERED', 'PARTIALLY_DELIVERED', 'FAILED')),
    CONSTRAINT voucherport_purchase_lease_ck CHECK ((lease_owner IS NULL) = (lease_until IS NULL)),
    CONSTRAINT voucherport_purchase_events_ck CHECK (event_count >= 0)
);

-- Recovery claims open purchases that are due, oldest due first; monitoring lists open ones by age.
CREATE INDEX IF NOT EXISTS voucherport_purchase_due_ix
    ON voucherport_purchase (due_at) WHERE status = 'OPEN';
CREATE INDEX IF NOT EXISTS voucherport_purchase_open_ix
    ON voucherport_purchase (opened_at) WHERE status = 'OPEN';

-- Every event of a purchase, numbered 1, 2, … in the order appended: the key makes a second
-- writer of the same position fail even if fencing were bypassed.
CREATE TABLE IF NOT EXISTS voucherport_purchase_event (
    reference    varchar(64)  NOT NULL,
    seq          integer      NOT NULL,
    kind         varchar(32)  NOT NULL,
    form         text         NOT NULL,
    recorded_at  timestamptz  NOT NULL,
    CONSTRAINT voucherport_purchase_event_pk PRIMARY KEY (reference, seq),
    CONSTRAINT voucherport_purchase_event_purchase_fk FOREIGN KEY (reference)
        REFERENCES voucherport_purchase (reference) ON DELETE CASCADE,
    CONSTRAINT voucherport_purchase_event_seq_ck CHECK (seq >= 1)
);
