package io.voucherport.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.testkit.elasticpath.ElasticPathSimulator;
import io.voucherport.testkit.ez.EzSimulator;
import io.voucherport.testkit.gifthub.GiftHubSimulator;
import io.voucherport.testkit.shoplazza.ShoplazzaSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's main job succeeds, and its report shows no secret. */
class SandboxDemoTest {

    @Test
    void theDemoJourneySucceedsAndPrintsOnlyMaskedCodes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> secrets = new ArrayList<>(List.of(EzSimulator.DEFAULT_API_KEY, EzSimulator.DEFAULT_BEARER_TOKEN,
                GiftHubSimulator.DEFAULT_CLIENT_SECRET, ElasticPathSimulator.DEFAULT_CLIENT_SECRET,
                ShoplazzaSimulator.DEFAULT_ACCESS_TOKEN));
        boolean ok;
        try (Sandbox.Simulators sims = Sandbox.Simulators.start(0, 0, 0, 0)) {
            ok = new Sandbox(new PrintStream(bytes, true, StandardCharsets.UTF_8)).demo(sims,
                    io.voucherport.adapter.support.HttpLogLevel.NONE, SandboxAccess.database());
            secrets.addAll(sims.ez().deliveredSecrets());
            secrets.addAll(sims.gifthub().deliveredSecrets());
            secrets.addAll(sims.gifthub().issuedTokens());
            secrets.addAll(sims.elasticPath().issuedTokens());
        }
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(report).isTrue();
        assertThat(report).contains("ALL STEPS SUCCEEDED").contains("5 code(s) delivered").contains("via gifthub")
                .contains("Redeemable").contains("Exhausted").contains("Unknown").contains("25 created")
                .contains("recovered from the journal by another instance").contains("1 order(s) with this reference");
        assertThat(secrets).hasSizeGreaterThan(20);
        for (String secret : secrets) {
            assertThat(report).doesNotContain(secret);
        }
    }
}
