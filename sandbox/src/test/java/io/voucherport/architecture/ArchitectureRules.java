package io.voucherport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Voucherport's layer rules, written as allow-lists: each says what a layer may use, so anything
 * new is refused until it is allowed here on purpose. Each rule takes the packages it guards, so
 * that the same rule runs against the library and against the bad fixtures that prove it fires.
 */
final class ArchitectureRules {

    /** The JDK packages a pure layer may use. */
    static final String[] PURE_JDK = {"java.lang..", "java.util..", "java.time..", "java.math.."};

    /** Libraries whose types must never appear in the domain, the application or an adapter's public API. */
    static final String[] PLUMBING = {"feign..", "com.fasterxml.jackson..", "org.mapstruct.."};

    /** What an adapter may use besides the JDK, the domain and itself. */
    static final String[] ADAPTER_LIBRARIES = {
        "io.vavr..", "feign..", "com.fasterxml.jackson..", "org.mapstruct..", "org.apache.hc..",
        "javax.annotation.processing.."
    };

    /** What the JDBC adapter may use besides the JDK (with {@code java.sql}), the domain and itself. */
    static final String[] JDBC_ADAPTER_LIBRARIES = {"io.vavr..", "javax.sql.."};

    private ArchitectureRules() {
    }

    /** The domain uses only the pure JDK, Vavr and itself. */
    static ArchRule domainIsPure(String domainPackage) {
        return classes().that().resideInAPackage(domainPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(PURE_JDK, "io.vavr..", domainPackage + ".."))
                .as("the domain uses only java.lang/util/time/math, Vavr and itself");
    }

    /** The application uses only the pure JDK, Vavr, the domain and itself. */
    static ArchRule applicationUsesOnlyTheDomain(String applicationPackage, String domainPackage) {
        return classes().that().resideInAPackage(applicationPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(PURE_JDK, "io.vavr..", domainPackage + "..", applicationPackage + ".."))
                .as("the application uses only java.lang/util/time/math, Vavr and the domain");
    }

    /**
     * An adapter uses the JDK, the domain, the shared adapter support, its own libraries and
     * itself: never another adapter nor the application.
     */
    static ArchRule adapterUsesOnlyItsOwnLibraries(String adapterPackage, String domainPackage, String supportPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(ADAPTER_LIBRARIES, "java..",
                        domainPackage + "..", supportPackage + "..", adapterPackage + ".."))
                .allowEmptyShould(true)
                .as("adapter " + adapterPackage + " uses only the JDK, the domain, adapter support and its own libraries");
    }

    /**
     * The JDBC adapter uses the JDK (JDBC: {@code java.sql}, {@code javax.sql}), Vavr, the domain and
     * itself: no HTTP or JSON plumbing (Feign, Jackson, MapStruct, the HTTP adapters' support),
     * never another adapter nor the application, and no driver, pool or migration tool (the service
     * brings its {@code DataSource}).
     */
    static ArchRule jdbcAdapterUsesOnlyJdbc(String adapterPackage, String domainPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDBC_ADAPTER_LIBRARIES, "java..",
                        domainPackage + "..", adapterPackage + ".."))
                .as("adapter " + adapterPackage + " uses only the JDK with JDBC, Vavr and the domain");
    }

    /**
     * Feign, Jackson and MapStruct stay inside an adapter: no public type of the adapter extends,
     * implements, is annotated with or exposes (in a public or protected member's signature) one
     * of their types, and Feign interfaces (methods annotated with Feign's {@code @RequestLine})
     * are not public.
     */
    static ArchRule adapterKeepsPlumbingPrivate(String adapterPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..").and().arePublic()
                .should(exposeNoPlumbing())
                .allowEmptyShould(true)
                .as("adapter " + adapterPackage + " keeps Feign, Jackson and MapStruct out of its public API");
    }

    private static ArchCondition<JavaClass> exposeNoPlumbing() {
        return new ArchCondition<>("expose no Feign, Jackson or MapStruct type") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<String> leaks = new ArrayList<>();
                Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
                        .filter(ArchitectureRules::isPlumbing)
                        .forEach(t -> leaks.add("extends or implements " + t.getName()));
                type.getAnnotations().stream().map(JavaAnnotation::getRawType).filter(ArchitectureRules::isPlumbing)
                        .forEach(t -> leaks.add("is annotated with " + t.getName()));
                Set<JavaCodeUnit> members = new java.util.LinkedHashSet<>(type.getCodeUnits());
                members.addAll(type.getAllMethods());   // inherited public methods are public API too
                for (JavaCodeUnit member : members) {
                    if (member.getAnnotations().stream().anyMatch(a -> a.getRawType().getName().equals("feign.RequestLine"))) {
                        leaks.add("is a public Feign interface (" + member.getName() + " has @RequestLine)");
                    }
                    if (isVisible(member.getModifiers())) {
                        Stream.concat(Stream.of(member.getReturnType()), member.getParameterTypes().stream())
                                .flatMap(t -> rawTypes(t).stream()).filter(ArchitectureRules::isPlumbing)
                                .forEach(t -> leaks.add(member.getName() + " exposes " + t.getName()));
                    }
                }
                for (JavaField field : type.getFields()) {
                    if (isVisible(field.getModifiers())) {
                        rawTypes(field.getType()).stream().filter(ArchitectureRules::isPlumbing)
                                .forEach(t -> leaks.add("field " + field.getName() + " exposes " + t.getName()));
                    }
                }
                for (String leak : leaks) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " " + leak));
                }
                if (leaks.isEmpty()) {
                    events.add(SimpleConditionEvent.satisfied(type, type.getName() + " exposes no plumbing"));
                }
            }
        };
    }

    private static Set<JavaClass> rawTypes(JavaType type) {
        return type.getAllInvolvedRawTypes();
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static boolean isPlumbing(JavaClass type) {
        String name = type.getName();
        return name.startsWith("feign.") || name.startsWith("com.fasterxml.jackson.") || name.startsWith("org.mapstruct.");
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }
}
