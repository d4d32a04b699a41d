package io.voucherport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.voucherport.architecture.fixtures.adapter.other.MisplacedPeer;
import io.voucherport.architecture.fixtures.adapter.other.OtherAdapterClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves each rule fires: every rule is run against a deliberately bad fixture package and must
 * report exactly the bad classes, and must pass the good classes beside them. The fixtures mirror
 * the library: {@code fixtures.adapter.<x>} are adapters found by convention ({@code bad},
 * {@code good}, {@code other}; {@code jdbc} the JDBC one), {@code fixtures.adapter.support} the
 * adapter support.
 */
class ArchitectureRulesFireTest {

    private static final String FIXTURES = "io.voucherport.architecture.fixtures";
    private static final String DOMAIN = FIXTURES + ".domain";
    private static final String ADAPTERS = FIXTURES + ".adapter";
    private static final String SUPPORT = ADAPTERS + ".support";
    private static final String JDBC = ADAPTERS + ".jdbc";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    @TempDir
    Path temp;

    @Test
    void domainRuleReportsADomainClassUsingTheNetwork() {
        EvaluationResult result = ArchitectureRules.domainIsPure(DOMAIN).evaluate(CLASSES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result))
                .contains("BadDomainValue").contains("java.net.URI")
                .doesNotContain("GoodDomainValue");
    }

    @Test
    void domainRuleReportsADomainClassLogging() {
        String report = violations(ArchitectureRules.domainIsPure(DOMAIN).evaluate(CLASSES));
        assertThat(report).contains("LoggingDomainValue").contains("org.slf4j.Logger");
    }

    @Test
    void domainLoggingRuleReportsEveryWayOfLoggingAndPassesAPureValue() {
        EvaluationResult result = ArchitectureRules.domainDoesNotLog(DOMAIN).evaluate(CLASSES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result))
                .contains("JdkLoggingDomainValue").contains("java.lang.System$Logger")
                .contains("java.util.logging.Logger")
                .contains("java.lang.System.err").contains("printStackTrace")
                .contains("LoggingDomainValue").contains("org.slf4j.Logger")
                .doesNotContain("GoodDomainValue").doesNotContain("BadDomainValue");
    }

    @Test
    void applicationRuleAllowsTheSlf4jApiButNotALoggingBackend() {
        String report = violations(ArchitectureRules
                .applicationUsesOnlyTheDomain(FIXTURES + ".application", DOMAIN).evaluate(CLASSES));
        assertThat(report).contains("BackendLoggingUseCase").contains("ch.qos.logback")
                .doesNotContain("fixtures.application.LoggingUseCase");   // uses the SLF4J API only
    }

    @Test
    void applicationRuleReportsAUseCaseCallingAnAdapter() {
        EvaluationResult result = ArchitectureRules
                .applicationUsesOnlyTheDomain(FIXTURES + ".application", DOMAIN).evaluate(CLASSES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result)).contains("BadUseCase").contains("OtherAdapterClient")
                .doesNotContain("GoodUseCase");
    }

    @Test
    void useCaseNamingRuleReportsANounUseCaseOnly() {
        String report = violations(ArchitectureRules.useCasesAreVerbPhrases(FIXTURES + ".application").evaluate(CLASSES));
        assertThat(report).contains("OrderService")
                .doesNotContain("PlaceOrders")      // a verb phrase
                .doesNotContain("OrderWindow")      // a record: not a use case
                .doesNotContain("GoodUseCase").doesNotContain("BadUseCase");   // not in an area package
    }

    @Test
    void adapterRuleReportsAnAdapterUsingAnotherAdapterOrTheApplication() {
        ArchRule rule = ArchitectureRules.httpAdaptersStayInTheirLane(ADAPTERS, SUPPORT, JDBC, DOMAIN);
        String report = violations(rule.evaluate(CLASSES));
        assertThat(report).contains("OtherAdapterClient").contains("GoodUseCase");
    }

    @Test
    void adapterLibrariesRuleFindsAdaptersByConventionAndReportsTheApplication() {
        String report = violations(ArchitectureRules.httpAdaptersUseOnlyTheirLibraries(ADAPTERS, SUPPORT, JDBC, DOMAIN)
                .evaluate(CLASSES));
        assertThat(report).contains("LeakyAdapter").contains("GoodUseCase")
                .doesNotContain("TidyAdapter")              // support, domain, Jackson, itself
                .doesNotContain("BadJdbcStore");            // the JDBC adapter has its own rule
    }

    @Test
    void adapterSlicesRuleReportsAnAdapterUsingAnotherAdapter() {
        String report = violations(ArchitectureRules.adaptersDoNotDependOnEachOther(ADAPTERS, SUPPORT).evaluate(CLASSES));
        assertThat(report).contains("LeakyAdapter").contains("OtherAdapterClient")
                .contains("BadJdbcStore")                   // the JDBC adapter is an adapter too
                .doesNotContain("TidyAdapter")              // uses the adapter support, which is no adapter
                .doesNotContain("InheritedLeakBuilder");
    }

    @Test
    void jdbcAdapterRuleReportsJsonPlumbingAnotherAdapterAndTheHttpSupport() {
        String report = violations(ArchitectureRules.jdbcAdapterUsesOnlyJdbc(JDBC, DOMAIN).evaluate(CLASSES));
        assertThat(report).contains("BadJdbcStore")
                .contains("com.fasterxml.jackson.databind.ObjectMapper").contains("OtherAdapterClient")
                .contains("LeakyBaseBuilder")
                .doesNotContain("GoodJdbcStore");
    }

    @Test
    void signatureRuleReportsPlumbingInAnAdaptersPublicApi() {
        String report = violations(ArchitectureRules.adaptersKeepPlumbingPrivate(ADAPTERS, SUPPORT).evaluate(CLASSES));
        assertThat(report)
                .contains("LeakyAdapter").contains("feign.Response").contains("com.fasterxml.jackson.databind.ObjectMapper")
                .contains("PublicFeignApi").contains("@RequestLine")
                .contains("PublicDto").contains("com.fasterxml.jackson.annotation.JsonIgnoreProperties")
                .contains("InheritedLeakBuilder json exposes com.fasterxml.jackson.databind.ObjectMapper")
                .doesNotContain("WellBehavedAdapter")
                .doesNotContain("TidyAdapter").doesNotContain("GoodJdbcStore")
                .doesNotContain("SharedHeaders");           // the adapter support is not an adapter
    }

    @Test
    void supportLibrariesRuleReportsMapStructAndAnAdapter() {
        String report = violations(ArchitectureRules.supportUsesOnlyItsLibraries(SUPPORT, DOMAIN).evaluate(CLASSES));
        assertThat(report).contains("SupportReachingOut").contains("org.mapstruct.factory.Mappers")
                .contains("OtherAdapterClient")
                .doesNotContain("SharedHeaders").doesNotContain("LeakyBaseBuilder");
    }

    @Test
    void micrometerRuleReportsTheMicrometerModuleReachingIntoAnAdapterOrJson() {
        String report = violations(ArchitectureRules.micrometerUsesOnlyTheListenerSpi(FIXTURES + ".micrometer", DOMAIN)
                .evaluate(CLASSES));
        assertThat(report).contains("LeakyMeters").contains("OtherAdapterClient")
                .contains("com.fasterxml.jackson.databind.ObjectMapper")
                .doesNotContain("TidyMeters");              // Micrometer, Vavr, the domain and the JDK
    }

    @Test
    void supportAdapterRuleReportsSupportCallingAnAdapter() {
        String report = violations(ArchitectureRules.supportDependsOnNoAdapter(ADAPTERS, SUPPORT).evaluate(CLASSES));
        assertThat(report).contains("SupportReachingOut").contains("OtherAdapterClient")
                .doesNotContain("SharedHeaders").doesNotContain("LeakyBaseBuilder");
    }

    @Test
    void supportNamingRuleReportsSupportNamedAfterAProvider() {
        String report = violations(ArchitectureRules.supportIsNotNamedAfterAProvider(ADAPTERS, SUPPORT, JDBC)
                .evaluate(CLASSES));
        assertThat(report).contains("OtherRetries is named after provider Other")
                .contains("OtherApi")                       // the provider is named by its adapter's <P>Api
                .doesNotContain("SharedHeaders").doesNotContain("SupportReachingOut").doesNotContain("LeakyBaseBuilder");
        assertThat(ArchitectureRules.words("GiftHubTokens")).containsExactly("gift", "hub", "tokens");
        assertThat(ArchitectureRules.words("EZCodes")).containsExactly("ez", "codes");
    }

    @Test
    void supportRulesTogetherReportEachBreach() {
        String report = violations(ArchitectureRules.supportKnowsNoProvider(ADAPTERS, SUPPORT, JDBC, DOMAIN).evaluate(CLASSES));
        assertThat(report).contains("OtherRetries").contains("SupportReachingOut").doesNotContain("SharedHeaders");
    }

    @Test
    void modulePackageRuleReportsAClassPutIntoAnAdaptersPackageFromAnotherModule() throws Exception {
        // a benchmark peer compiled into the benchmarks module but in the other adapter's package
        Path benchmarks = copy(MisplacedPeer.class, temp.resolve("work/benchmarks/target/classes"));
        String report = violations(ArchitectureRules.classesSitInTheirModulesPackages(FIXTURES)
                .evaluate(new ClassFileImporter().importPath(benchmarks)));
        assertThat(report).contains("MisplacedPeer of module benchmarks is not in " + FIXTURES + ".benchmarks");

        // the same, from the benchmarks' jar in a Maven repository
        Path jar = jar(temp.resolve("repo/voucherport-benchmarks/0.1.0-SNAPSHOT/voucherport-benchmarks-0.1.0-SNAPSHOT.jar"),
                MisplacedPeer.class);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(violations(ArchitectureRules.classesSitInTheirModulesPackages(FIXTURES)
                    .evaluate(new ClassFileImporter().importJar(file))))
                    .contains("MisplacedPeer of module benchmarks is not in " + FIXTURES + ".benchmarks");
        }

        // a class of no module's output escapes nothing: it is reported
        Path elsewhere = copy(OtherAdapterClient.class, temp.resolve("elsewhere/classes"));
        assertThat(violations(ArchitectureRules.classesSitInTheirModulesPackages(FIXTURES)
                .evaluate(new ClassFileImporter().importPath(elsewhere))))
                .contains("OtherAdapterClient comes from").contains("which is no module's output");
    }

    @Test
    void modulePackageRulePassesClassesInTheirOwnModule() throws Exception {
        Path other = copy(OtherAdapterClient.class, temp.resolve("work/adapter-other/target/classes"));
        copy(MisplacedPeer.class, other);
        assertThat(ArchitectureRules.classesSitInTheirModulesPackages(FIXTURES)
                .evaluate(new ClassFileImporter().importPath(other)).hasViolation()).isFalse();

        // the adapter's test jar (its benchmark peer) belongs to the adapter's module too
        Path tests = jar(temp.resolve("work/adapter-other/target/voucherport-adapter-other-0.1.0-SNAPSHOT-tests.jar"),
                MisplacedPeer.class);
        try (JarFile file = new JarFile(tests.toFile())) {
            assertThat(ArchitectureRules.classesSitInTheirModulesPackages(FIXTURES)
                    .evaluate(new ClassFileImporter().importJar(file)).hasViolation()).isFalse();
        }
    }

    @Test
    void moduleIsReadFromAClassLocation() {
        assertThat(ArchitectureRules.moduleOfLocation("file:/w/adapter-ez/target/classes/io/voucherport/adapter/ez/EzApi.class"))
                .contains("adapter-ez");
        assertThat(ArchitectureRules.moduleOfLocation("file:/w/adapter-ez/target/test-classes/io/voucherport/adapter/ez/EzPeer.class"))
                .contains("adapter-ez");
        assertThat(ArchitectureRules.moduleOfLocation("jar:file:/r/io/voucherport/voucherport-adapter-support/0.1.0-SNAPSHOT/"
                + "voucherport-adapter-support-0.1.0-SNAPSHOT.jar!/io/voucherport/adapter/support/ProviderClient.class"))
                .contains("adapter-support");
        assertThat(ArchitectureRules.moduleOfLocation("jar:file:/w/adapter-ez/target/voucherport-adapter-ez-0.1.0-20250101.120000-3-tests.jar"
                + "!/io/voucherport/adapter/ez/EzPeer.class")).contains("adapter-ez");
        assertThat(ArchitectureRules.moduleOfLocation("jar:file:/w/sandbox/target/voucherport-sandbox.jar!/io/voucherport/X.class"))
                .isEqualTo(Optional.empty());
        assertThat(ArchitectureRules.packageRootOf("io.voucherport", "adapter-support")).isEqualTo("io.voucherport.adapter.support");
    }

    @Test
    void moduleCoverageReportsAnAdapterModuleWithoutImportedClasses() throws Exception {
        Path work = temp.resolve("work");
        Path pom = Files.writeString(Files.createDirectories(work).resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modules>
                    <module>adapter-other</module>
                    <module>adapter-forgotten</module>
                    <module>docs-only</module>
                    <module>tools</module>
                    <module>examples/demo-service</module>
                  </modules>
                  <profiles><profile><modules><module>not-a-root-module</module></modules></profile></profiles>
                </project>
                """);
        Files.createDirectories(work.resolve("docs-only"));
        Files.writeString(Files.createDirectories(work.resolve("tools/src/main/java")).resolve("Tool.java"), "class Tool {}");
        Files.writeString(Files.createDirectories(work.resolve("examples/demo-service/src/main/java")).resolve("Demo.java"),
                "class Demo {}");
        Path other = copy(OtherAdapterClient.class, work.resolve("adapter-other/target/classes"));

        assertThat(ArchitectureRules.modulesOf(pom))
                .containsExactly("adapter-other", "adapter-forgotten", "docs-only", "tools", "examples/demo-service");
        assertThat(ArchitectureRules.modulesMissingFrom(new ClassFileImporter().importPath(other), pom))
                .containsExactly("adapter-forgotten", "tools");
    }

    private static Path copy(Class<?> type, Path classesDirectory) throws IOException, URISyntaxException {
        String file = type.getName().replace('.', '/') + ".class";
        Path compiled = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(file);
        Path target = classesDirectory.resolve(file);
        Files.createDirectories(target.getParent());
        Files.copy(compiled, target);
        return classesDirectory;
    }

    private static Path jar(Path jar, Class<?> type) throws IOException, URISyntaxException {
        String file = type.getName().replace('.', '/') + ".class";
        Path compiled = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(file);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
            entries.putNextEntry(new JarEntry(file));
            Files.copy(compiled, entries);
            entries.closeEntry();
        }
        return jar;
    }

    private static String violations(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
