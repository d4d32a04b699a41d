package io.voucherport.consumer.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a team gets from the published artifacts: every artifact the BOM lists is a module of this build,
 * and its jar names its JPMS module after its root package ({@code Automatic-Module-Name}), with a sources
 * and a Javadoc jar beside it. Runs after the other modules are packaged (bound to integration-test).
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("voucherport.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("voucherport.version", "0.1.0-SNAPSHOT");
    private static final Pattern MODULE_NAME = Pattern.compile("io\\.voucherport(\\.[a-z][a-z0-9]*)+");
    private static final Pattern BOM_ENTRY = Pattern.compile(
            "<groupId>io\\.voucherport</groupId>\\s*<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void theBomListsEveryPublishedModuleAtTheBuildsVersionAndNothingElse() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertThat(bom).doesNotContain("<parent>");
        assertThat(bom).contains("<version>" + VERSION + "</version>");
        Map<String, String> entries = bomEntries(bom);
        assertThat(entries).isNotEmpty();
        assertThat(entries.values()).allMatch("${project.version}"::equals);
        Map<String, Path> modules = moduleDirectories();
        assertThat(entries.keySet())
                .as("every BOM entry is a module of this build")
                .allSatisfy(artifact -> assertThat(modules).containsKey(artifact));
        assertThat(modules.keySet().stream().filter(a -> !unpublished(modules.get(a))))
                .as("every published module is in the BOM")
                .allSatisfy(artifact -> assertThat(entries).containsKey(artifact));
    }

    @Test
    void everyPublishedJarNamesItsModuleAfterItsRootPackageAndShipsSourcesAndJavadoc() throws IOException {
        Map<String, Path> modules = moduleDirectories();
        List<String> checked = new ArrayList<>();
        for (String artifact : bomEntries(Files.readString(ROOT.resolve("bom/pom.xml"))).keySet()) {
            Path target = modules.get(artifact).resolve("target");
            Path jar = target.resolve(artifact + "-" + VERSION + ".jar");
            assertThat(jar).as("packaged: " + jar).isRegularFile();
            try (JarFile file = new JarFile(jar.toFile())) {
                String name = file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                assertThat(name).as(artifact + " Automatic-Module-Name").isNotNull().matches(MODULE_NAME);
                String packagePath = name.replace('.', '/') + "/";
                List<String> classes = file.stream().map(JarEntry::getName).filter(e -> e.endsWith(".class")).toList();
                assertThat(classes)
                        .as(artifact + ": every class sits under its module name's package")
                        .allMatch(e -> e.startsWith(packagePath));
                // Maven Central wants both beside every jar; a dependencies-only jar (the starter) ships them
                // holding a README that says where its code and documentation are
                for (String classifier : List.of("sources", "javadoc")) {
                    Path extra = target.resolve(artifact + "-" + VERSION + "-" + classifier + ".jar");
                    assertThat(extra).as(artifact + " " + classifier + " jar").isRegularFile();
                    try (JarFile attached = new JarFile(extra.toFile())) {
                        List<String> files = attached.stream().map(JarEntry::getName)
                                .filter(e -> !e.endsWith("/") && !e.startsWith("META-INF/")).toList();
                        assertThat(files).as(artifact + " " + classifier + " jar's content").isNotEmpty();
                        if (classes.isEmpty()) {
                            assertThat(files).as(artifact + " " + classifier + " jar").contains("README.md");
                        } else if (classifier.equals("sources")) {
                            assertThat(files).anyMatch(e -> e.endsWith(".java"));
                        } else {
                            assertThat(files).contains("index.html");
                        }
                    }
                }
            }
            checked.add(artifact);
        }
        assertThat(checked).contains("voucherport-domain", "voucherport-adapter-ez", "voucherport-testkit",
                "voucherport-micrometer", "voucherport-spring-boot-starter");
    }

    @Test
    void theUnpublishedModulesShipNoSourcesOrJavadoc() throws IOException {
        Map<String, Path> modules = moduleDirectories();
        assertThat(modules).containsKeys("voucherport-sandbox", "voucherport-benchmarks", "voucherport-consumer-it");
        for (Map.Entry<String, Path> module : modules.entrySet()) {
            if (unpublished(module.getValue())) {
                Path target = module.getValue().resolve("target");
                assertThat(target.resolve(module.getKey() + "-" + VERSION + "-sources.jar")).doesNotExist();
                assertThat(target.resolve(module.getKey() + "-" + VERSION + "-javadoc.jar")).doesNotExist();
            }
        }
    }

    private static Map<String, String> bomEntries(String bom) {
        Map<String, String> entries = new TreeMap<>();
        Matcher m = BOM_ENTRY.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
        while (m.find()) {
            entries.put(m.group(1), m.group(2));
        }
        return entries;
    }

    /** Every jar module of the build below the root (artifact id to directory): the BOM, the parent and aggregators left out. */
    private static Map<String, Path> moduleDirectories() throws IOException {
        Map<String, Path> modules = new TreeMap<>();
        try (Stream<Path> poms = Files.find(ROOT, 3, (p, a) -> p.getFileName().toString().equals("pom.xml")
                && !p.toString().contains("/target/") && !p.toString().contains("/src/"))) {
            for (Path pom : poms.toList()) {
                Path dir = pom.getParent();
                String text = Files.readString(pom);
                if (dir.equals(ROOT) || dir.endsWith("bom") || text.contains("<packaging>pom</packaging>")) {
                    continue;
                }
                artifactId(text).ifPresent(a -> modules.put(a, dir));
            }
        }
        return modules;
    }

    private static Optional<String> artifactId(String pom) {
        String withoutParent = pom.replaceAll("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(withoutParent);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static boolean unpublished(Path moduleDir) {
        try {
            String pom = Files.readString(moduleDir.resolve("pom.xml"));
            return pom.contains("<voucherport.unpublished>true</voucherport.unpublished>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
