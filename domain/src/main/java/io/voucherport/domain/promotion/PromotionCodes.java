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
     * @return the number
     */
    int maxCodesPerCreate();

    /**
     * {@return all promotions, lazily page by page} Safe to retry.
     */
    PagedSequence<Promotion> promotions();

    /**
     * {@return one promotion} Safe to retry. Failures: {@code NotFound}.
     *
     * @param id the identifier
     */
    Either<ProviderFailure, Promotion> promotion(PromotionId id);

    /**
     * {@return all codes of a promotion, lazily page by page, with memory that does not grow with the
     * number of pages} A listing the provider cannot page to the end ends with an
     * {@code InvalidRequest} failure, never a silent truncation. Safe to retry.
     * Failures: {@code NotFound}.
     *
     * @param id the identifier
     */
    PagedSequence<PromotionCode> codes(PromotionId id);

    /**
     * Creates codes on a promotion, at most {@link #maxCodesPerCreate()} at once, and returns
     * them as created; more at once are refused before sending with {@code InvalidRequest}. Safe
     * to retry: creating an existing code fails with {@code InvalidRequest} rather than creating
     * a second one. Failures: {@code NotFound}, {@code InvalidRequest}, {@code OutcomeUnknown}
     * (list the codes to learn what exists).
     *
     * @param id the identifier
     * @param codes the codes
     * @return the promotion codes, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes);

    /**
     * Deletes several codes. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}.
     *
     * @param id the identifier
     * @param codes the codes
     * @return the done, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> codes);

    /**
     * Deletes one code by its text (the standard engine) or, for rule-based promotions, by the
     * code's id looked up from its text. Idempotent in effect; a code that does not exist fails
     * with {@code NotFound}.
     *
     * @param id the identifier
     * @param code the code
     * @return the done, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code);

    /**
     * {@return the promotion holding a code: {@code Some} when one does, {@code None} when none does}
     * Safe to retry. Failures: {@code InvalidRequest} (a code the provider cannot look up,
     * refused before sending).
     *
     * @param code the code
     */
    Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code);

    /**
     * Starts a job that generates codes at the provider. Not idempotent: a second job while one
     * runs fails with {@code InvalidRequest}, as does a request beyond the provider's limits
     * (refused before sending). Failures: {@code NotFound}, {@code InvalidRequest},
     * {@code OutcomeUnknown} (list the promotion's jobs to learn whether it started).
     *
     * @param id the identifier
     * @param request the order request
     * @return the code job, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request);

    /**
     * Starts a job that exports all codes to a file. Same failures as {@link #startCodeGeneration}.
     *
     * @param id the identifier
     * @return the code job, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id);

    /**
     * {@return a job as it stands now} Safe to retry. Failures: {@code NotFound}.
     *
     * @param id the identifier
     * @param jobId the job id
     */
    Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId);

    /**
     * Asks the provider to cancel a job. Idempotent. Failures: {@code NotFound}, {@code InvalidRequest}.
     *
     * @param id the identifier
     * @param jobId the job id
     * @return the code job, or the failure that prevented it (a value, never thrown)
     */
    Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId);

    /**
     * {@return the download link of a completed export job's file; a secret, since anyone holding it can
     * read the codes} Safe to retry. Failures: {@code NotFound}, {@code InvalidRequest} (job not
     * completed or not an export).
     *
     * @param id the identifier
     * @param jobId the job id
     */
    Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId);
}
