package io.voucherport.domain.promotion;

/** What a promotion-code job does. */
public enum JobType {
    /** Generates codes at the provider. */
    GENERATE_CODES,
    /** Exports a promotion's codes to a downloadable file. */
    EXPORT_CODES
}
