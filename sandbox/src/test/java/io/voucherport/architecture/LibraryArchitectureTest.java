package io.voucherport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;

/**
 * Runs every layer rule against the library's production classes (all modules, test jars left
 * out). Adapters are found by convention ({@code io.voucherport.adapter.<x>}); nothing is listed.
 */
@AnalyzeClasses(packages = "io.voucherport",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureRules.DoNotIncludeTestJars.class})
class LibraryArchitectureTest {

    private static final String DOMAIN = "io.voucherport.domain";
    private static final String APPLICATION = "io.voucherport.application";
    private static final String ADAPTERS = "io.voucherport.adapter";
    private static final String SUPPORT = ADAPTERS + ".support";
    private static final String JDBC_ADAPTER = ADAPTERS + ".jdbc";
    private static final String MICROMETER = "io.voucherport.micrometer";

    /** The root pom, from the sandbox module's directory (where Maven runs its tests). */
    private static final Path ROOT_POM = Path.of("..", "pom.xml");

    @ArchTest
    static final ArchRule domainIsPure = ArchitectureRules.domainIsPure(DOMAIN);

    @ArchTest
    static final ArchRule domainDoesNotLog = ArchitectureRules.domainDoesNotLog(DOMAIN);

    @ArchTest
    static final ArchRule applicationUsesOnlyTheDomain = ArchitectureRules.applicationUsesOnlyTheDomain(APPLICATION, DOMAIN);

    @ArchTest
    static final ArchRule useCasesAreVerbPhrases = ArchitectureRules.useCasesAreVerbPhrases(APPLICATION);

    @ArchTest
    static final ArchRule httpAdaptersUseOnlyTheirLibraries =
            ArchitectureRules.httpAdaptersUseOnlyTheirLibraries(ADAPTERS, SUPPORT, JDBC_ADAPTER, DOMAIN);

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = ArchitectureRules.adaptersDoNotDependOnEachOther(ADAPTERS, SUPPORT);

    @ArchTest
    static final ArchRule jdbcAdapterUsesOnlyJdbc = ArchitectureRules.jdbcAdapterUsesOnlyJdbc(JDBC_ADAPTER, DOMAIN);

    @ArchTest
    static final ArchRule adaptersKeepPlumbingPrivate = ArchitectureRules.adaptersKeepPlumbingPrivate(ADAPTERS, SUPPORT);

    @ArchTest
    static final ArchRule micrometerUsesOnlyTheListenerSpi =
            ArchitectureRules.micrometerUsesOnlyTheListenerSpi(MICROMETER, DOMAIN);

    @ArchTest
    static final ArchRule supportUsesOnlyItsLibraries = ArchitectureRules.supportUsesOnlyItsLibraries(SUPPORT, DOMAIN);

    @ArchTest
    static final ArchRule supportDependsOnNoAdapter = ArchitectureRules.supportDependsOnNoAdapter(ADAPTERS, SUPPORT);

    @ArchTest
    static final ArchRule supportIsNotNamedAfterAProvider =
            ArchitectureRules.supportIsNotNamedAfterAProvider(ADAPTERS, SUPPORT, JDBC_ADAPTER);

    /**
     * Every module of the root pom that has production code (every {@code adapter-*} one above all)
     * is among the classes analysed here: a module the sandbox forgot to depend on would go unchecked.
     */
    @ArchTest
    static void everyModuleIsAnalysed(JavaClasses classes) {
        assertThat(ROOT_POM).as("the root pom, seen from the sandbox module").isRegularFile();
        assertThat(ArchitectureRules.modulesOf(ROOT_POM)).as("the root pom's modules").contains("sandbox");
        assertThat(ArchitectureRules.modulesMissingFrom(classes, ROOT_POM))
                .as("modules of the root pom none of whose production classes the architecture tests import"
                        + " (add them as dependencies of the sandbox)")
                .isEmpty();
    }

    /**
     * The provider names the support's naming rule looks for are found: every HTTP adapter names its
     * provider through the recipe's files ({@code <P>Api}, {@code <P>Errors}, …).
     */
    @ArchTest
    static void everyHttpAdapterNamesItsProvider(JavaClasses classes) {
        assertThat(ArchitectureRules.providers(classes, ADAPTERS, SUPPORT, JDBC_ADAPTER).values().stream()
                .map(LibraryArchitectureTest::adapterOf).distinct())
                .as("HTTP adapters naming a provider")
                .containsExactlyInAnyOrderElementsOf(classes.that(ArchitectureRules.httpAdapters(ADAPTERS, SUPPORT, JDBC_ADAPTER))
                        .stream().map(LibraryArchitectureTest::adapterOf).distinct().toList());
    }

    /** The convention this test relies on: the HTTP adapters found are the ones the root pom lists. */
    @ArchTest
    static void adapterModulesAreFoundByConvention(JavaClasses classes) {
        assertThat(classes.that(ArchitectureRules.httpAdapters(ADAPTERS, SUPPORT, JDBC_ADAPTER)).stream()
                .map(LibraryArchitectureTest::adapterOf).distinct())
                .as("HTTP adapter packages found by convention")
                .containsExactlyInAnyOrderElementsOf(ArchitectureRules.modulesOf(ROOT_POM).stream()
                        .filter(m -> m.startsWith("adapter-") && !m.equals("adapter-support") && !m.equals("adapter-jdbc"))
                        .map(m -> m.substring("adapter-".length())).toList());
    }

    /** The adapter ({@code <x>} of {@code io.voucherport.adapter.<x>..}) a class belongs to. */
    private static String adapterOf(JavaClass type) {
        String name = type.getPackageName();
        return name.length() > ADAPTERS.length() ? name.substring(ADAPTERS.length() + 1).split("\\.")[0] : "";
    }
}
