package io.voucherport.domain.promotion;

import io.vavr.control.Option;
import io.voucherport.domain.Require;

/**
 * Codes for the provider to generate. Providers add limits of their own (Elastic Path: at most
 * 1,000 codes, length 8 to 16), checked by their adapters before sending.
 *
 * @param count how many codes, at least 1
 * @param prefix text every code starts with
 * @param length length of each code, at least 1
 * @param maxUsesPerCode uses allowed per code; none for unlimited
 * @param consumeUnit what one use counts; none for the provider's default
 */
public record CodeGenerationRequest(
        int count, Option<String> prefix, int length, Option<Integer> maxUsesPerCode, Option<ConsumeUnit> consumeUnit) {

    /**
     * Validates.
     *
     * @param count how many codes, at least 1
     * @param prefix text every code starts with
     * @param length length of each code, at least 1
     * @param maxUsesPerCode uses allowed per code; none for unlimited
     * @param consumeUnit what one use counts; none for the provider's default
     */
    public CodeGenerationRequest {
        Require.positive(count, "count");
        Require.present(prefix, "prefix");
        Require.positive(length, "code length");
        Require.present(maxUsesPerCode, "max uses per code");
        Require.present(consumeUnit, "consume unit");
        prefix.peek(p -> Require.text(p, "prefix"));
        maxUsesPerCode.peek(n -> Require.positive(n, "max uses per code"));
        if (prefix.map(String::length).getOrElse(0) >= length) {
            throw new IllegalArgumentException("prefix must be shorter than the code length " + length);
        }
    }
}
