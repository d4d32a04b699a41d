/** An example service selling gift cards on the Voucherport Spring Boot starter. */
package io.voucherport.example.giftcards;
