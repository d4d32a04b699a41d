/** The sealed failure hierarchy every port returns instead of throwing. */
package io.voucherport.domain.failure;
