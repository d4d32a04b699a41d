/** Price rules and discount codes, and the {@link io.voucherport.domain.discount.PriceRules} and {@link io.voucherport.domain.discount.DiscountCodes} ports. */
package io.voucherport.domain.discount;
