/**
 * Voucherport's use cases, built on the domain's ports only: buying codes exactly once
 * ({@link io.voucherport.application.purchase}), issuing and revoking promotion codes
 * ({@link io.voucherport.application.promotion}) and checking discount codes
 * ({@link io.voucherport.application.discount}).
 */
package io.voucherport.application;
