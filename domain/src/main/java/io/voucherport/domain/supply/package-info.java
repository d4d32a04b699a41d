/** Buying codes from a supplier: catalog, funds, orders, delivered codes, and the {@link io.voucherport.domain.supply.CodeSupplier} port. */
package io.voucherport.domain.supply;
