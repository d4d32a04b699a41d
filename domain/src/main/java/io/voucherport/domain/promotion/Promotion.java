package io.voucherport.domain.promotion;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import java.time.Instant;

/**
 * A promotion: discount rules that shoppers unlock with codes.
 *
 * @param id the provider's id of the promotion, used in every later call about it
 * @param kind standard or rule-based
 * @param name display name
 * @param enabled whether it currently applies, when reported
 * @param startsAt when it starts, if set
 * @param endsAt when it ends, if set
 */
public record Promotion(
        PromotionId id, PromotionKind kind, String name, Option<Boolean> enabled, Option<Instant> startsAt,
        Option<Instant> endsAt) {

    /**
     * Validates.
     *
     * @param id the provider's id of the promotion, not null
     * @param kind standard or rule-based
     * @param name display name
     * @param enabled whether it currently applies, when reported
     * @param startsAt when it starts, if set
     * @param endsAt when it ends, if set
     */
    public Promotion {
        Require.present(id, "id");
        Require.present(kind, "kind");
        Require.text(name, "promotion name");
        Require.present(enabled, "enabled");
        Require.present(startsAt, "starts at");
        Require.present(endsAt, "ends at");
    }
}
