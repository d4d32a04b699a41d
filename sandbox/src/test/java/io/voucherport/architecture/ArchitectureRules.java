package io.voucherport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Voucherport's layer rules, written as allow-lists: each says what a layer may use, so anything
 * new is refused until it is allowed here on purpose. Each rule takes the packages it guards, so
 * that the same rule runs against the library and against the bad fixtures that prove it fires.
 *
 * <p>Adapters are found by convention, never listed: every package {@code <adapters>.<x>} is an
 * adapter, an HTTP one unless it is the adapter support or the JDBC adapter; and module
 * {@code <m>} (artifact {@code voucherport-<m>}) keeps its classes under {@code <prefix>.<m>} with
 * dashes read as dots ({@code adapter-ez} → {@code io.voucherport.adapter.ez}).
 */
final class ArchitectureRules {

    /** The JDK packages a pure layer may use. */
    static final String[] PURE_JDK = {"java.lang..", "java.util..", "java.time..", "java.math.."};

    /**
     * The logging API the application, the adapter support and the JDBC adapter may log through:
     * SLF4J 2's own package ({@code Logger}, {@code LoggerFactory}), never a backend (the service
     * brings its provider) nor SLF4J's helpers. The domain does not log.
     */
    static final String LOGGING_API = "org.slf4j";

    /** Libraries whose types must never appear in the domain, the application or an adapter's public API. */
    static final String[] PLUMBING = {"feign..", "com.fasterxml.jackson..", "org.mapstruct.."};

    /** What an HTTP adapter may use besides the JDK, the domain, the adapter support and itself. */
    static final String[] ADAPTER_LIBRARIES = {
        "io.vavr..", "feign..", "com.fasterxml.jackson..", "org.mapstruct..", "org.apache.hc..",
        "javax.annotation.processing.."
    };

    /** What the adapter support may use besides the JDK, the domain and itself: no MapStruct, nothing else. */
    static final String[] SUPPORT_LIBRARIES = {
        "io.vavr..", "feign..", "com.fasterxml.jackson..", "org.apache.hc..", "javax.net.ssl..", LOGGING_API
    };

    /** What the Micrometer module may use besides the JDK, the domain and itself: Vavr and Micrometer, nothing else. */
    static final String[] MICROMETER_LIBRARIES = {"io.vavr..", "io.micrometer.."};

    /** What the JDBC adapter may use besides the JDK (with {@code java.sql}), the domain and itself. */
    static final String[] JDBC_ADAPTER_LIBRARIES = {"io.vavr..", "javax.sql..", LOGGING_API};

    /**
     * The recipe's per-provider file names ({@code <P>Api}, {@code <P>Dto}, …, see docs/adapters.md):
     * an HTTP adapter's top-level class with one of these suffixes names a provider {@code <P>}.
     */
    static final List<String> PROVIDER_FILE_SUFFIXES = List.of("Api", "Dto", "Mapper", "Errors", "Statuses");

    /**
     * The verbs a use case's name may start with: a use case is named for what it does
     * ({@code BuyCodes}, {@code RecoverPurchases}), never as a noun ({@code …Service}, {@code …Checker}).
     * A new verb is added here on purpose.
     */
    static final List<String> USE_CASE_VERBS = List.of(
            "Buy", "Cancel", "Check", "Create", "Deliver", "Export", "Find", "Import", "Issue", "List", "Manage",
            "Place", "Reconcile", "Recover", "Redeem", "Refund", "Resume", "Revoke", "Route", "Send", "Sync",
            "Track", "Validate");

    /** Where the example services are: modules under it are not part of the library. */
    static final String EXAMPLES = "examples/";

    /** A module's output directory: {@code …/<module>/target/classes/} (or {@code test-classes}). */
    private static final Pattern MODULE_DIRECTORY = Pattern.compile("/([^/!]+)/target/(?:test-)?classes/");

    /**
     * A module's jar, in a Maven repository or a module's {@code target}:
     * {@code voucherport-<module>-<version>[-tests].jar}; the version is the first dash-separated part
     * starting with a digit.
     */
    private static final Pattern MODULE_JAR =
            Pattern.compile("(?:^|/)voucherport-([a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-[0-9][^/]*\\.jar$");

    private ArchitectureRules() {
    }

    /** The domain uses only the pure JDK, Vavr and itself. */
    static ArchRule domainIsPure(String domainPackage) {
        return classes().that().resideInAPackage(domainPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(PURE_JDK, "io.vavr..", domainPackage + ".."))
                .as("the domain uses only java.lang/util/time/math, Vavr and itself");
    }

    /**
     * The domain does not log, not even through the JDK ({@code java.lang} and {@code java.util},
     * which {@link #domainIsPure} allows, hold {@code System.Logger} and {@code java.util.logging}):
     * no logger of any API, no {@code System.out} or {@code System.err}, no {@code printStackTrace}.
     * What the domain must report (a listener that threw) it hands to its caller, which logs.
     */
    static ArchRule domainDoesNotLog(String domainPackage) {
        DescribedPredicate<JavaClass> logging = DescribedPredicate.describe("a logging API",
                c -> c.getName().startsWith("java.lang.System$Logger") || c.getName().equals("java.lang.System$LoggerFinder")
                        || c.getPackageName().startsWith("java.util.logging") || c.getPackageName().startsWith("org.slf4j")
                        || c.getPackageName().startsWith("org.apache.logging") || c.getPackageName().startsWith("org.apache.commons.logging"));
        return noClasses().that().resideInAPackage(domainPackage + "..")
                .should().dependOnClassesThat(logging)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().callMethodWhere(DescribedPredicate.describe("printStackTrace",
                        call -> call.getName().equals("printStackTrace")))
                .as("the domain does not log (no System.Logger, java.util.logging, SLF4J, System.out/err)");
    }

    /** The application uses only the pure JDK, Vavr, the SLF4J API, the domain and itself. */
    static ArchRule applicationUsesOnlyTheDomain(String applicationPackage, String domainPackage) {
        return classes().that().resideInAPackage(applicationPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        concat(PURE_JDK, "io.vavr..", LOGGING_API, domainPackage + "..", applicationPackage + ".."))
                .as("the application uses only java.lang/util/time/math, Vavr, the SLF4J API and the domain");
    }

    /**
     * A use case (a public top-level class, neither a record, an interface nor an enum, in an area
     * package {@code <application>.<area>}) is named as a verb phrase: one of {@link #USE_CASE_VERBS}
     * followed by what it acts on.
     */
    static ArchRule useCasesAreVerbPhrases(String applicationPackage) {
        String verbs = String.join("|", USE_CASE_VERBS);
        return classes().that().resideInAPackage(applicationPackage + "..")
                .and().resideOutsideOfPackage(applicationPackage)
                .and().arePublic().and().areTopLevelClasses()
                .and().areNotInterfaces().and().areNotRecords().and().areNotEnums()
                .should().haveNameMatching(".*\\.(?:" + verbs + ")[A-Z][A-Za-z0-9]*")
                .as("use cases in " + applicationPackage + ".<area> are named as verb phrases (" + verbs
                        + " + what they act on)");
    }

    /** The HTTP adapters: every class under {@code adapterRoot} but the adapter support and the JDBC adapter. */
    static DescribedPredicate<JavaClass> httpAdapters(String adapterRoot, String supportPackage, String jdbcPackage) {
        return resideInAPackage(adapterRoot + "..").and(resideOutsideOfPackages(supportPackage + "..", jdbcPackage + ".."))
                .as("HTTP adapters (" + adapterRoot + ".* but adapter support and JDBC)");
    }

    /**
     * Every HTTP adapter uses the JDK, the domain, the shared adapter support, its own libraries and
     * classes under {@code adapterRoot}: never the application. Which of those adapters it may use
     * (only itself) is {@link #adaptersDoNotDependOnEachOther}'s part.
     */
    static ArchRule httpAdaptersUseOnlyTheirLibraries(String adapterRoot, String supportPackage, String jdbcPackage,
            String domainPackage) {
        return classes().that(httpAdapters(adapterRoot, supportPackage, jdbcPackage))
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(ADAPTER_LIBRARIES, "java..",
                        domainPackage + "..", supportPackage + "..", adapterRoot + ".."))
                .as("every HTTP adapter in " + adapterRoot
                        + " uses only the JDK, the domain, adapter support and its own libraries");
    }

    /**
     * No adapter ({@code adapterRoot.<x>}, one slice each, the JDBC adapter included) depends on
     * another; the adapter support is not an adapter (its own rules keep it from depending on one).
     */
    static ArchRule adaptersDoNotDependOnEachOther(String adapterRoot, String supportPackage) {
        return SlicesRuleDefinition.slices().matching(adapterRoot + ".(*)..")
                .that(DescribedPredicate.describe("are adapters (not the adapter support)",
                        (Slice slice) -> slice.stream().noneMatch(c -> inPackage(c, supportPackage))))
                .should().notDependOnEachOther()
                .as("no adapter in " + adapterRoot + " uses another adapter");
    }

    /** Both HTTP adapter rules: the allowed libraries, and never another adapter. */
    static ArchRule httpAdaptersStayInTheirLane(String adapterRoot, String supportPackage, String jdbcPackage,
            String domainPackage) {
        return CompositeArchRule.of(httpAdaptersUseOnlyTheirLibraries(adapterRoot, supportPackage, jdbcPackage, domainPackage))
                .and(adaptersDoNotDependOnEachOther(adapterRoot, supportPackage));
    }

    /**
     * The JDBC adapter uses the JDK (JDBC: {@code java.sql}, {@code javax.sql}), Vavr, the SLF4J API,
     * the domain and itself: no HTTP or JSON plumbing (Feign, Jackson, MapStruct, the HTTP adapters' support),
     * never another adapter nor the application, and no driver, pool or migration tool (the service
     * brings its {@code DataSource}).
     */
    static ArchRule jdbcAdapterUsesOnlyJdbc(String adapterPackage, String domainPackage) {
        return classes().that().resideInAPackage(adapterPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(JDBC_ADAPTER_LIBRARIES, "java..",
                        domainPackage + "..", adapterPackage + ".."))
                .as("adapter " + adapterPackage + " uses only the JDK with JDBC, Vavr, the SLF4J API and the domain");
    }

    /** The adapter support uses only the JDK, Vavr, the domain, Feign, Jackson, HttpClient 5, the SLF4J API and itself. */
    static ArchRule supportUsesOnlyItsLibraries(String supportPackage, String domainPackage) {
        return classes().that().resideInAPackage(supportPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(SUPPORT_LIBRARIES, "java..",
                        domainPackage + "..", supportPackage + ".."))
                .as("adapter support uses only the JDK (with TLS sockets), Vavr, the domain, Feign, Jackson, HttpClient 5"
                        + " and the SLF4J API");
    }

    /**
     * The Micrometer module implements the domain's listener SPI with the JDK, Vavr, Micrometer and
     * itself: never the application, an adapter or the adapter support (it hears them through the SPI),
     * and no HTTP or JSON plumbing.
     */
    static ArchRule micrometerUsesOnlyTheListenerSpi(String micrometerPackage, String domainPackage) {
        return classes().that().resideInAPackage(micrometerPackage + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(MICROMETER_LIBRARIES, "java..",
                        domainPackage + "..", micrometerPackage + ".."))
                .as(micrometerPackage + " uses only the JDK, Vavr, Micrometer and the domain (its listener SPI)");
    }

    /** The adapter support knows no provider: it depends on no adapter. */
    static ArchRule supportDependsOnNoAdapter(String adapterRoot, String supportPackage) {
        return noClasses().that().resideInAPackage(supportPackage + "..")
                .should().dependOnClassesThat(resideInAPackage(adapterRoot + "..")
                        .and(resideOutsideOfPackages(supportPackage + "..")).as("belong to an adapter"))
                .as("adapter support depends on no adapter");
    }

    /**
     * The adapter support knows no provider by name either: none of its classes is named after a
     * provider, a provider being the {@code <P>} of an HTTP adapter's {@code <P>Api}, {@code <P>Dto},
     * {@code <P>Mapper}, {@code <P>Errors} or {@code <P>Statuses} (compared word by word, ignoring case).
     */
    static ArchRule supportIsNotNamedAfterAProvider(String adapterRoot, String supportPackage, String jdbcPackage) {
        return classes().should(new ArchCondition<>("not be named after a provider, if in " + supportPackage) {
            private final Map<List<String>, String> providers = new LinkedHashMap<>();

            @Override
            public void init(Collection<JavaClass> all) {
                providers(all, adapterRoot, supportPackage, jdbcPackage).forEach((provider, namedBy) ->
                        providers.putIfAbsent(words(provider), provider + " (named by " + namedBy.getName() + ")"));
            }

            @Override
            public void check(JavaClass type, ConditionEvents events) {
                if (!inPackage(type, supportPackage)) {
                    return;
                }
                List<String> name = words(type.getSimpleName());
                providers.forEach((words, provider) -> {
                    if (Collections.indexOfSubList(name, words) >= 0) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " is named after provider " + provider));
                    }
                });
            }
        }).as("adapter support has no class named after a provider");
    }

    /**
     * The providers the HTTP adapters among {@code classes} name: {@code <P>} of each top-level
     * {@code <P>Api}, {@code <P>Dto}, {@code <P>Mapper}, {@code <P>Errors}, {@code <P>Statuses}, with
     * the first class naming it.
     */
    static Map<String, JavaClass> providers(Collection<JavaClass> classes, String adapterRoot, String supportPackage,
            String jdbcPackage) {
        DescribedPredicate<JavaClass> adapters = httpAdapters(adapterRoot, supportPackage, jdbcPackage);
        Map<String, JavaClass> providers = new LinkedHashMap<>();
        for (JavaClass type : classes) {
            if (adapters.test(type) && type.isTopLevelClass()) {
                providerNamedBy(type.getSimpleName()).ifPresent(p -> providers.putIfAbsent(p, type));
            }
        }
        return providers;
    }

    /** The adapter support's rules: its libraries, no adapter, no provider's name. */
    static ArchRule supportKnowsNoProvider(String adapterRoot, String supportPackage, String jdbcPackage,
            String domainPackage) {
        return CompositeArchRule.of(supportUsesOnlyItsLibraries(supportPackage, domainPackage))
                .and(supportDependsOnNoAdapter(adapterRoot, supportPackage))
                .and(supportIsNotNamedAfterAProvider(adapterRoot, supportPackage, jdbcPackage));
    }

    /**
     * Feign, Jackson and MapStruct stay inside every adapter under {@code adapterRoot} (the JDBC one
     * included, the adapter support excepted): no public type of an adapter extends, implements, is
     * annotated with or exposes (in a public or protected member's signature) one of their types,
     * and Feign interfaces (methods annotated with Feign's {@code @RequestLine}) are not public.
     */
    static ArchRule adaptersKeepPlumbingPrivate(String adapterRoot, String supportPackage) {
        return classes().that().resideInAPackage(adapterRoot + "..").and().resideOutsideOfPackage(supportPackage + "..")
                .and().arePublic()
                .should(exposeNoPlumbing())
                .as("every adapter in " + adapterRoot + " keeps Feign, Jackson and MapStruct out of its public API");
    }

    /**
     * Every class sits in its own module's packages: a class read from module {@code <m>}'s output
     * ({@code …/<m>/target/classes/}, {@code voucherport-<m>-<version>.jar}, their test
     * counterparts) is in {@code <prefix>.<m>..}, dashes read as dots. A class from anywhere else is
     * reported too: it would escape this rule.
     */
    static ArchRule classesSitInTheirModulesPackages(String prefix) {
        return classes().that().resideInAPackage(prefix + "..")
                .should(new ArchCondition<>("sit in the package of the module they come from") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        String from = type.getSource().map(s -> s.getUri().toString()).orElse("an unknown place");
                        Optional<String> module = moduleOf(type);
                        if (module.isEmpty()) {
                            events.add(SimpleConditionEvent.violated(type,
                                    type.getName() + " comes from " + from + ", which is no module's output"));
                            return;
                        }
                        String root = packageRootOf(prefix, module.get());
                        boolean inRoot = type.getPackageName().equals(root) || type.getPackageName().startsWith(root + ".");
                        events.add(new SimpleConditionEvent(type, inRoot, type.getName() + " of module " + module.get()
                                + (inRoot ? " is in " : " is not in ") + root + " (from " + from + ")"));
                    }
                })
                .as("every class sits in its own module's package (" + prefix + ".<module>)");
    }

    /** The package root of {@code module}: {@code <prefix>.<module>}, dashes read as dots. */
    static String packageRootOf(String prefix, String module) {
        return prefix + "." + module.replace('-', '.');
    }

    /** The module a class was read from, by its location; empty for anything not a module's output. */
    static Optional<String> moduleOf(JavaClass type) {
        return type.getSource().map(Source::getUri).flatMap(uri -> moduleOfLocation(uri.toString()));
    }

    /** The module a location ({@code file:} or {@code jar:file:…!/…}) belongs to, if any. */
    static Optional<String> moduleOfLocation(String location) {
        int entry = location.indexOf("!/");
        if (entry >= 0) {
            Matcher jar = MODULE_JAR.matcher(location.substring(0, entry));
            return jar.find() ? Optional.of(jar.group(1)) : Optional.empty();
        }
        Matcher directory = MODULE_DIRECTORY.matcher(location);
        return directory.find() ? Optional.of(directory.group(1)) : Optional.empty();
    }

    /** The {@code <module>} names of a Maven aggregator pom, in order. */
    static List<String> modulesOf(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            List<String> modules = new ArrayList<>();
            NodeList lists = project.getElementsByTagName("modules");
            for (int i = 0; i < lists.getLength(); i++) {
                if (lists.item(i).getParentNode() == project) {
                    NodeList names = ((Element) lists.item(i)).getElementsByTagName("module");
                    for (int j = 0; j < names.getLength(); j++) {
                        modules.add(names.item(j).getTextContent().strip());
                    }
                }
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pom.toAbsolutePath(), e);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot parse " + pom.toAbsolutePath(), e);
        }
    }

    /**
     * The modules of the aggregator {@code rootPom} that no class of {@code classes} comes from but
     * should: every {@code adapter-*} module, and every module with Java sources in
     * {@code src/main/java}. A module in that list goes unchecked by every rule: the sandbox does not
     * depend on it. Modules under {@code examples/} are services built on the library, not part of it
     * (never installed, so the sandbox cannot depend on them): they are left out.
     */
    static List<String> modulesMissingFrom(JavaClasses classes, Path rootPom) {
        Set<String> present = new LinkedHashSet<>();
        classes.forEach(c -> moduleOf(c).ifPresent(present::add));
        Path root = rootPom.toAbsolutePath().getParent();
        return modulesOf(rootPom).stream()
                .filter(m -> !m.startsWith(EXAMPLES))
                .filter(m -> m.startsWith("adapter-") || hasJavaSources(root.resolve(m).resolve("src/main/java")))
                .filter(m -> !present.contains(m))
                .toList();
    }

    private static boolean hasJavaSources(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory, e);
        }
    }

    /** Leaves test jars ({@code *-tests.jar}) out of an import, as {@code DoNotIncludeTests} does for test directories. */
    public static final class DoNotIncludeTestJars implements ImportOption {
        private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static Optional<String> providerNamedBy(String simpleName) {
        return PROVIDER_FILE_SUFFIXES.stream()
                .filter(suffix -> simpleName.endsWith(suffix) && simpleName.length() > suffix.length())
                .map(suffix -> simpleName.substring(0, simpleName.length() - suffix.length()))
                .findFirst();
    }

    /** A class name's words: {@code GiftHubTokens} → {@code [gift, hub, tokens]}, {@code EZCodes} → {@code [ez, codes]}. */
    static List<String> words(String camelCase) {
        return Arrays.stream(camelCase.split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|[_$]"))
                .filter(w -> !w.isEmpty()).map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean inPackage(JavaClass type, String packageName) {
        return type.getPackageName().equals(packageName) || type.getPackageName().startsWith(packageName + ".");
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
                Set<JavaCodeUnit> members = new LinkedHashSet<>(type.getCodeUnits());
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
