package io.voucherport.testkit.assertions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps a README's code examples honest: the code between {@code // README:<tag>-begin} and
 * {@code // README:<tag>-end} in a test's source must appear in the README (indentation aside),
 * so the example in the README is code that compiles and runs.
 */
public final class ReadmeSnippets {

    private ReadmeSnippets() {
    }

    /**
     * Asserts that the snippet tagged {@code tag} in {@code testClass}'s source (under
     * {@code src/test/java} of the module the test runs in) appears in {@code readme}.
     */
    public static void assertInReadme(Class<?> testClass, String tag, Path readme) {
        Path source = Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java");
        List<String> lines = strippedLines(source);
        int begin = lines.indexOf("// README:" + tag + "-begin");
        int end = lines.indexOf("// README:" + tag + "-end");
        assertThat(begin).as("marker README:%s-begin in %s", tag, source).isNotNegative();
        assertThat(end).as("marker README:%s-end in %s", tag, source).isGreaterThan(begin + 1);
        String snippet = String.join("\n", lines.subList(begin + 1, end));
        assertThat(String.join("\n", strippedLines(readme))).as("the README shows the %s example", tag)
                .contains(snippet);
    }

    private static List<String> strippedLines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
