package io.voucherport.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/** Runs every layer rule against the library's production classes (all modules). */
@AnalyzeClasses(packages = "io.voucherport", importOptions = ImportOption.DoNotIncludeTests.class)
class LibraryArchitectureTest {

    private static final String DOMAIN = "io.voucherport.domain";
    private static final String SUPPORT = "io.voucherport.adapter.support";
    private static final String[] ADAPTERS = {
        "io.voucherport.adapter.ez", "io.voucherport.adapter.giftcard",
        "io.voucherport.adapter.promotions", "io.voucherport.adapter.discounts"
    };
    private static final String JDBC_ADAPTER = "io.voucherport.adapter.jdbc";

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.domainIsPure(DOMAIN);

    @ArchTest
    static final ArchRule applicationUsesOnlyTheDomain =
            ArchitectureRules.applicationUsesOnlyTheDomain("io.voucherport.application", DOMAIN);

    @ArchTest
    static final ArchRule adaptersUseOnlyTheirOwnLibraries = CompositeArchRule.of(
            java.util.Arrays.stream(ADAPTERS)
                    .map(a -> ArchitectureRules.adapterUsesOnlyItsOwnLibraries(a, DOMAIN, SUPPORT)).toList());

    @ArchTest
    static final ArchRule jdbcAdapterUsesOnlyJdbc = ArchitectureRules.jdbcAdapterUsesOnlyJdbc(JDBC_ADAPTER, DOMAIN);

    @ArchTest
    static final ArchRule adaptersKeepPlumbingPrivate = CompositeArchRule.of(
            java.util.stream.Stream.concat(java.util.Arrays.stream(ADAPTERS), java.util.stream.Stream.of(JDBC_ADAPTER))
                    .map(ArchitectureRules::adapterKeepsPlumbingPrivate).toList());
}
