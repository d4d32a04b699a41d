package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plain (non-Boot) service sees of SLF4J, in a child JVM with this module's run-time class
 * path, the way a service's {@code main} would run: with a provider of its own (Logback here) not
 * a single {@code SLF4J} line, the library's and HttpClient 5's loggers being Logback's; without
 * one, SLF4J's own three-line notice that it found no provider and logs nothing, and the library
 * works all the same.
 */
class Slf4jProviderTest {

    @TempDir
    Path temp;

    /** The result of a child run. */
    private record Run(int exit, String out, String err) {
    }

    @Test
    void theLibraryGetsSlf4j2() throws ClassNotFoundException {
        // 2.x only: providers found by ServiceLoader, which is what spares a service the 1.7 "no binder" warning
        assertThat(Class.forName("org.slf4j.spi.SLF4JServiceProvider")).isInterface();
        assertThat(classPath()).as("the class path holds one slf4j-api")
                .filteredOn(e -> e.getFileName().toString().startsWith("slf4j-api-")).hasSize(1)
                .allMatch(e -> e.getFileName().toString().startsWith("slf4j-api-2."));
    }

    @Test
    void aServiceWithItsOwnProviderSeesNoSlf4jWarning() throws Exception {
        List<Path> path = classPath();
        assertThat(path).as("Logback is on the test class path").anyMatch(Slf4jProviderTest::isLogback);
        Run run = run(path);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("factory=ch.qos.logback.classic.LoggerContext")
                .contains("logger=ch.qos.logback.classic.Logger").contains(Slf4jConsumerMain.DONE);
        assertThat(lines(run.err())).as("standard error").noneMatch(l -> l.contains("SLF4J"));
        assertThat(lines(run.out())).as("standard output").noneMatch(l -> l.startsWith("SLF4J"));
    }

    @Test
    void aServiceWithoutAProviderSeesSlf4jsNoticeAndStillRuns() throws Exception {
        Run run = run(classPath().stream().filter(e -> !isLogback(e)).toList());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("factory=org.slf4j.helpers.NOPLoggerFactory").contains(Slf4jConsumerMain.DONE);
        assertThat(lines(run.err())).containsSubsequence(
                "SLF4J(W): No SLF4J providers were found.",
                "SLF4J(W): Defaulting to no-operation (NOP) logger implementation",
                "SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details.");
    }

    private Run run(List<Path> classPath) throws IOException, InterruptedException {
        Path out = temp.resolve("out-" + System.nanoTime());
        Path err = temp.resolve("err-" + System.nanoTime());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
                Slf4jConsumerMain.class.getName()));
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not end");
        }
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The test class path, as surefire hands it over (its booter jar only lists it in a manifest). */
    private static List<Path> classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private static boolean isLogback(Path entry) {
        return entry.getFileName().toString().startsWith("logback-");
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).toList();
    }
}
