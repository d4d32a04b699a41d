package io.voucherport.domain.promotion;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import java.util.List;

/**
 * Promotions and their codes at an e-commerce platform.
 *
 * <p>No method throws for a provider problem: each returns a {@link ProviderFailure}. Arguments
 * are validated before any call; invalid ones throw {@link IllegalArgumentException} or
 * {@link NullPointerException} and nothing is sent. A request that breaks the provider's own
 * limits (too many codes at once, a job too large, a code length or consume unit the provider
 * does not take, a code it cannot look up) is answered {@code Left} with {@code InvalidRequest},
 * refused before sending and so provably not applied. Every method may also fail with
 * {@code AccessDenied}, {@code RateLimited}, {@code Unavailable} and {@code UnexpectedResponse}.
 * Implementations are thread-safe.
 */
public interface PromotionCodes {

    /**
     * Most codes one {@link #createCodes} call accepts; callers batch larger sets.
     *
     * @return the provider's batch limit for one create call, at least 1; fixed for the life of the
     *     adapter
     */
    int maxCodesPerCreate();

    /**
     * {@return all promotions, lazily page by page} Safe to retry.
     */
    PagedSequence<Promotion> promotions();

    /**
     * {@return one promotion} Safe to retry. Failures: {@code NotFound}.
     *
     * @param id the promotion to read, not null
     */
    Either<ProviderFailure, Promotion> promotion(PromotionId id);

    /**
     * {@return all codes of a promotion, lazily page by page, with memory that does not grow with the
     * number of pages} A listing the provider cannot page to the end ends with an
     * {@code InvalidRequest} failure, never a silent truncation. Safe to retry.
     * Failures: {@code NotFound}.
     *
     * @param id the promotion whose codes to list, not null; a promotion that does not exist ends
     *     the listing with {@code NotFound}
     */
    PagedSequence<PromotionCode> codes(PromotionId id);

    /**
     * Creates codes on a promotion, at most {@link #maxCodesPerCreate()} at once, and returns
     * them as created; more at once are refused before sending with {@code InvalidRequest}. Safe
     * to retry: creating an existing code fails with {@code InvalidRequest} rather than creating
     * a second one. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}
     * (list the codes to learn what exists).
     *
     * @param id the promotion to add the codes to, not null
     * @param codes the codes to create, not null and not empty; more than
     *     {@link #maxCodesPerCreate()} are refused with {@code InvalidRequest} before sending
     * @return the codes as created, or the failure that prevented it; {@code OutcomeUnknown} means
     *     some or all may exist
     */
    Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes);

    /**
     * Deletes several codes. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}.
     *
     * @param id the promotion the codes belong to, not null
     * @param codes the texts of the codes to delete, not null; an empty list is {@code Done} without
     *     a call
     * @return {@code Done} once the provider confirmed the deletion, or the failure that prevented
     *     it; a retry after a transient failure is safe
     */
    Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> codes);

    /**
     * Deletes one code by its text (the standard engine) or, for rule-based promotions, by the
     * code's id looked up from its text. Idempotent in effect; a code that does not exist fails
     * with {@code NotFound}.
     *
     * @param id the promotion the code belongs to, not null
     * @param code the text of the code to delete, not null
     * @return {@code Done} once the provider confirmed the deletion, or the failure that prevented
     *     it (including {@code NotFound} when the code does not exist)
     */
    Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code);

    /**
     * {@return the promotion holding a code: {@code Some} when one does, {@code None} when none does}
     * Safe to retry. Failures: {@code InvalidRequest} (a code the provider cannot look up,
     * refused before sending).
     *
     * @param code the code text a shopper would type, not null; not a secret
     */
    Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code);

    /**
     * Starts a job that generates codes at the provider. Not idempotent: a second job while one
     * runs fails with {@code InvalidRequest}, as does a request beyond the provider's limits
     * (refused before sending). Failures: {@code NotFound}, {@code InvalidRequest},
     * {@code OutcomeUnknown} (list the promotion's jobs to learn whether it started).
     *
     * @param id the promotion to generate codes for, not null
     * @param request how many codes, their prefix, length and use limits; not null, checked against
     *     the provider's own limits before sending
     * @return the job as the provider accepted it, or the failure that prevented it; after an
     *     {@code OutcomeUnknown}, list the jobs before starting another
     */
    Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request);

    /**
     * Starts a job that exports all codes to a file. Same failures as {@link #startCodeGeneration}.
     *
     * @param id the promotion whose codes to export, not null
     * @return the export job as the provider accepted it, or the failure that prevented it; after
     *     an {@code OutcomeUnknown}, check the jobs before starting another
     */
    Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id);

    /**
     * {@return a job as it stands now} Safe to retry. Failures: {@code NotFound}.
     *
     * @param id the promotion the job belongs to, not null
     * @param jobId the job as {@link #startCodeGeneration} or {@link #startCodeExport} returned it,
     *     not null
     */
    Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId);

    /**
     * Asks the provider to cancel a job. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}.
     *
     * @param id the promotion the job belongs to, not null
     * @param jobId the job to cancel, not null
     * @return the job as it stands after the request, or the failure that prevented it; safe to
     *     repeat
     */
    Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId);

    /**
     * {@return the download link of a completed export job's file; a secret, since anyone holding it can
     * read the codes} Safe to retry. Failures: {@code NotFound}, {@code InvalidRequest} (job not
     * completed or not an export).
     *
     * @param id the promotion the job belongs to, not null
     * @param jobId a completed export job, not null
     */
    Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId);
}
