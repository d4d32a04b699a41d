package io.voucherport.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every class of every module, test jars included (the adapters' benchmark peers), sits in its own
 * module's package: a class put into an adapter's package from another module is reported.
 */
@AnalyzeClasses(packages = "io.voucherport", importOptions = ImportOption.DoNotIncludeTests.class)
class ModulePackagesArchitectureTest {

    @ArchTest
    static final ArchRule classesSitInTheirModulesPackages = ArchitectureRules.classesSitInTheirModulesPackages("io.voucherport");
}
