/** Promotions, their codes and code jobs, and the {@link io.voucherport.domain.promotion.PromotionCodes} port. */
package io.voucherport.domain.promotion;
