package io.voucherport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.testkit.ez.EzSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's main job succeeds, and its report shows no secret. */
class SandboxDemoTest {

    @Test
    void theDemoJourneySucceedsAndPrintsOnlyMaskedCodes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean ok = new Sandbox(new PrintStream(bytes, true, StandardCharsets.UTF_8)).demo();
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(report).isTrue();
        assertThat(report).contains("ALL STEPS SUCCEEDED").contains("5 code(s) delivered")
                .doesNotContain(EzSimulator.DEFAULT_API_KEY).doesNotContain(EzSimulator.DEFAULT_BEARER_TOKEN);
    }
}
