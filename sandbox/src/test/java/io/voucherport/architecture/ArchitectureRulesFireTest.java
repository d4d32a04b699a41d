package io.voucherport.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Proves each rule fires: every rule is run against a deliberately bad fixture package and must
 * report exactly the bad classes, and must pass the good classes beside them.
 */
class ArchitectureRulesFireTest {

    private static final String FIXTURES = "io.voucherport.architecture.fixtures";
    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES);

    @Test
    void domainRuleReportsADomainClassUsingTheNetwork() {
        EvaluationResult result = ArchitectureRules.domainIsPure(FIXTURES + ".domain").evaluate(CLASSES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result))
                .contains("BadDomainValue").contains("java.net.URI")
                .doesNotContain("GoodDomainValue");
    }

    @Test
    void applicationRuleReportsAUseCaseCallingAnAdapter() {
        EvaluationResult result = ArchitectureRules
                .applicationUsesOnlyTheDomain(FIXTURES + ".application", FIXTURES + ".domain").evaluate(CLASSES);
        assertThat(result.hasViolation()).isTrue();
        assertThat(violations(result)).contains("BadUseCase").contains("OtherAdapterClient")
                .doesNotContain("GoodUseCase");
    }

    @Test
    void adapterRuleReportsAnAdapterUsingAnotherAdapterOrTheApplication() {
        ArchRule rule = ArchitectureRules.adapterUsesOnlyItsOwnLibraries(
                FIXTURES + ".adapter.bad", FIXTURES + ".domain", FIXTURES + ".support");
        String report = violations(rule.evaluate(CLASSES));
        assertThat(report).contains("OtherAdapterClient").contains("GoodUseCase");
    }

    @Test
    void jdbcAdapterRuleReportsJsonPlumbingAnotherAdapterAndTheHttpSupport() {
        String report = violations(ArchitectureRules.jdbcAdapterUsesOnlyJdbc(FIXTURES + ".adapter.jdbc",
                FIXTURES + ".domain").evaluate(CLASSES));
        assertThat(report).contains("BadJdbcStore")
                .contains("com.fasterxml.jackson.databind.ObjectMapper").contains("OtherAdapterClient")
                .contains("LeakyBaseBuilder")
                .doesNotContain("GoodJdbcStore");
    }

    @Test
    void signatureRuleReportsPlumbingInAnAdaptersPublicApi() {
        String report = violations(ArchitectureRules.adapterKeepsPlumbingPrivate(FIXTURES + ".adapter.bad").evaluate(CLASSES));
        assertThat(report)
                .contains("LeakyAdapter").contains("feign.Response").contains("com.fasterxml.jackson.databind.ObjectMapper")
                .contains("PublicFeignApi").contains("@RequestLine")
                .contains("PublicDto").contains("com.fasterxml.jackson.annotation.JsonIgnoreProperties")
                .contains("InheritedLeakBuilder json exposes com.fasterxml.jackson.databind.ObjectMapper")
                .doesNotContain("WellBehavedAdapter");
    }

    private static String violations(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
