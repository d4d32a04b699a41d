--liquibase formatted sql
--changeset voucherport:2
-- Voucherport order reference store (PostgreSQL): which supplier order a caller's reference was
-- placed as, for suppliers without a lookup by reference (GiftHub). The primary key makes
-- bindIfAbsent atomic: one reference, one order.
CREATE TABLE IF NOT EXISTS voucherport_order_reference (
    reference  varchar(64)  NOT NULL,
    order_id   varchar(256) NOT NULL,
    bound_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT voucherport_order_reference_pk PRIMARY KEY (reference)
);
