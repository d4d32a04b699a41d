/**
 * Durable storage for Voucherport on plain JDBC over a {@link javax.sql.DataSource}, PostgreSQL
 * first: the purchase journal ({@link io.voucherport.adapter.jdbc.JdbcPurchaseJournal}), GiftHub's
 * order reference store ({@link io.voucherport.adapter.jdbc.JdbcOrderReferenceStore}) and
 * Shoplazza's refresh token store ({@link io.voucherport.adapter.jdbc.JdbcRefreshTokenStore}).
 * The service brings the data source (its driver and pool); this module depends on the domain only.
 *
 * <h2>The schema</h2>
 *
 * <p>The tables are created by versioned, plain PostgreSQL SQL files on the class path under
 * {@code db/voucherport/} ({@link io.voucherport.adapter.jdbc.JdbcSchema#SCRIPTS}), named the Flyway
 * way and written with unqualified table names, so they land in whatever schema the tool runs in.
 * Pick one of three ways:
 *
 * <ul>
 *   <li><b>Flyway</b>: a separate Flyway over the Voucherport files, with its own history table so
 *       that its versions never clash with the service's own migrations:
 *       <pre>{@code
 * Flyway.configure().dataSource(dataSource)
 *         .locations("classpath:db/voucherport")
 *         .table("voucherport_flyway_history")
 *         .schemas("voucherport")            // optional: then build the adapters with .schema("voucherport")
 *         .load().migrate();
 *       }</pre></li>
 *   <li><b>Liquibase</b>: each file is also a Liquibase "formatted SQL" changelog (its first lines are
 *       {@code --liquibase formatted sql} and {@code --changeset voucherport:N}); include them from
 *       the service's changelog, in order:
 *       <pre>{@code
 * <include file="db/voucherport/V1__voucherport_purchase_journal.sql"/>
 * <include file="db/voucherport/V2__voucherport_order_reference.sql"/>
 * <include file="db/voucherport/V3__voucherport_refresh_token.sql"/>
 *       }</pre></li>
 *   <li><b>No migration tool</b> (the sandbox, tests, small services):
 *       {@link io.voucherport.adapter.jdbc.JdbcSchema#createIfMissing(javax.sql.DataSource, String)}
 *       at start-up runs the files it has not run yet in that schema and records them in
 *       {@code voucherport_schema_version}; safe to call from every instance at every start.</li>
 * </ul>
 *
 * <p>A later version of this module adds files ({@code V4__…}); every file once shipped stays as it
 * is. The tables: {@code voucherport_purchase} (one row per purchase, keyed by reference, with its
 * lease and fencing token), {@code voucherport_purchase_event} (its events in order),
 * {@code voucherport_order_reference} and {@code voucherport_refresh_token}.
 *
 * <h2>Use</h2>
 *
 * <pre>{@code
 * JdbcSchema.createIfMissing(dataSource, "voucherport");                 // or Flyway / Liquibase
 * PurchaseJournal journal = JdbcPurchaseJournal.builder(dataSource).schema("voucherport").build();
 * OrderReferenceStore references = JdbcOrderReferenceStore.builder(dataSource).schema("voucherport").build();
 * RefreshTokenStore tokens = JdbcRefreshTokenStore.builder(dataSource, "shoplazza-main", initialToken)
 *         .schema("voucherport").build();
 * }</pre>
 *
 * <p>Every statement runs in auto-commit mode with a query timeout (default 10 s,
 * {@link io.voucherport.adapter.jdbc.JdbcBuilder#queryTimeout}); failures are
 * {@link io.voucherport.domain.journal.JournalException} (journal) or
 * {@link io.voucherport.adapter.jdbc.JdbcStoreException} (stores, schema), with messages that name
 * the operation and the SQLState and never a stored value or secret.
 */
package io.voucherport.adapter.jdbc;
