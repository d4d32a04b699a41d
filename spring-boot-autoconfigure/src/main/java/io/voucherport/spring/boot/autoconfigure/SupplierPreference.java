package io.voucherport.spring.boot.autoconfigure;

import java.util.List;

/**
 * The suppliers a purchase is tried at, in order of preference ({@code voucherport.purchase.preference},
 * default every configured supplier, EZ first): what {@code BuyFromSuppliers.buy} takes as its last
 * argument. Every name is one the directory knows (checked at start-up).
 *
 * @param names supplier names ({@code ez}, {@code gifthub}), most preferred first, at least one
 */
public record SupplierPreference(List<String> names) {

    /**
     * Validates and copies.
     *
     * @param names supplier names, most preferred first
     * @throws IllegalArgumentException if there is none
     */
    public SupplierPreference {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("name at least one supplier");
        }
    }
}
