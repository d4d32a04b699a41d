--liquibase formatted sql
--changeset voucherport:3
-- Voucherport refresh token store (PostgreSQL): the current refresh token of each named OAuth
-- credential. The token is a secret: grant this table to the service's role only.
CREATE TABLE IF NOT EXISTS voucherport_refresh_token (
    name        varchar(256) NOT NULL,
    token       text         NOT NULL,
    rotated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT voucherport_refresh_token_pk PRIMARY KEY (name)
);
