package io.voucherport.adapter.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherport.domain.Secret;
import org.junit.jupiter.api.Test;

/** A spec's masker is built once, not per item masked, and stays the spec's own. */
class ProviderSpecMaskerTest {

    @Test
    void aSpecBuildsItsMaskerOnce() {
        ProviderSpec spec = ProviderSpec.of("p", JsonSupport.newObjectMapper()).withMaskedValues(Secret.of("s3cret-value"));
        assertThat(spec.masker()).isSameAs(spec.masker());
    }

    @Test
    void eachSpecMasksByItsOwnRules() {
        for (int i = 0; i < 200; i++) {   // more specs than the cache holds
            ProviderSpec a = ProviderSpec.of("a", JsonSupport.newObjectMapper()).withMaskedValues(Secret.of("alpha-" + i));
            ProviderSpec b = ProviderSpec.of("b", JsonSupport.newObjectMapper()).withMaskedValues(Secret.of("bravo-" + i));
            assertThat(a.masker().mask("x alpha-" + i + " bravo-" + i)).isEqualTo("x " + Masker.MASK + " bravo-" + i);
            assertThat(b.masker().mask("x alpha-" + i + " bravo-" + i)).isEqualTo("x alpha-" + i + " " + Masker.MASK);
        }
    }
}
