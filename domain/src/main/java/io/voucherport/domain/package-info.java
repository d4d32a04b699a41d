/**
 * Voucherport's pure model: money, supplier orders and delivered codes, catalog and funds,
 * promotions, discounts, paging and failures, plus the ports the outside world implements.
 *
 * <p>Depends on the JDK and Vavr only. Value objects validate in their constructors and throw
 * {@link java.lang.IllegalArgumentException} (or {@link java.lang.NullPointerException} for a
 * missing value) naming the field and its problem; ports never throw for a provider problem but
 * return {@link io.vavr.control.Either} with a {@link io.voucherport.domain.failure.ProviderFailure}.
 */
package io.voucherport.domain;
