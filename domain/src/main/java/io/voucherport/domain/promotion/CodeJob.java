package io.voucherport.domain.promotion;

import io.vavr.control.Option;
import io.voucherport.domain.Require;

/**
 * A code-generation or export job at the provider.
 *
 * @param id the provider's id of the job, used to poll or cancel it
 * @param promotionId the promotion it works on
 * @param type generate or export
 * @param status where it stands
 * @param message the provider's explanation when it failed
 */
public record CodeJob(JobId id, PromotionId promotionId, JobType type, JobStatus status, Option<String> message) {

    /**
     * Validates.
     *
     * @param id the provider's id of the job, not null
     * @param promotionId the promotion it works on
     * @param type generate or export
     * @param status where it stands
     * @param message the provider's explanation when it failed
     */
    public CodeJob {
        Require.present(id, "id");
        Require.present(promotionId, "promotion id");
        Require.present(type, "type");
        Require.present(status, "status");
        Require.present(message, "message");
    }
}
