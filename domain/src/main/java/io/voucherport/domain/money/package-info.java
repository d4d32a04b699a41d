/** Money as {@code BigDecimal} per currency, currency codes (ISO and seen-in-practice) and exchange rates. */
package io.voucherport.domain.money;
