package io.voucherport.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.JobStatus;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PromotionCodes} must do, as a JUnit 5 suite: extend it, return your
 * implementation and a {@link Fixture}. Tests create codes with fresh random texts and use each
 * scratch promotion for one job test, so the suite can share one backend.
 */
public abstract class PromotionCodesContract {

    /**
     * What the suite needs to know of the backend.
     *
     * @param seeded a promotion holding exactly {@code seededCount} codes that tests never change
     * @param seededCount how many codes it holds (more than one page)
     * @param scratch promotions tests may add codes and jobs to, at least three
     * @param restricted a code of {@code seeded} that only several users may use
     * @param restrictedTo those users, in the order the backend keeps them (at least two)
     */
    public record Fixture(PromotionId seeded, int seededCount, List<PromotionId> scratch, CodeText restricted,
            List<String> restrictedTo) {
    }

    /** {@return the implementation under test} */
    protected abstract PromotionCodes promotions();

    /** {@return the fixture} */
    protected abstract Fixture fixture();

    private static CodeText fresh() {
        return CodeText.of("CT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT));
    }

    private List<CodeText> texts(PromotionId id) {
        return promotions().codes(id).toList().get().stream().map(PromotionCode::code).toList();
    }

    private CodeJob awaitEnd(PromotionId id, CodeJob job) {
        CodeJob now = job;
        for (int i = 0; i < 50 && !now.status().isTerminal(); i++) {
            now = promotions().job(id, job.id()).get();
        }
        return now;
    }

    @Test
    void everyCodeOfAPromotionIsListedOnceAcrossPages() {
        List<CodeText> all = texts(fixture().seeded());
        assertThat(all).hasSize(fixture().seededCount()).doesNotHaveDuplicates();
    }

    @Test
    void aCodeForSeveralUsersListsEveryOneOfThem() {
        assertThat(fixture().restrictedTo()).as("the fixture names several users").hasSizeGreaterThan(1);
        PromotionCode restricted = promotions().codes(fixture().seeded()).toList().get().stream()
                .filter(c -> c.code().equals(fixture().restricted())).findFirst().orElseThrow();
        assertThat(restricted.users()).containsExactlyElementsOf(fixture().restrictedTo());
    }

    @Test
    void createdCodesAreReturnedAndListed() {
        PromotionId id = fixture().scratch().get(0);
        List<NewPromotionCode> codes = List.of(new NewPromotionCode(fresh(), Option.some(3), Option.none(),
                Option.none()), NewPromotionCode.of(fresh()));
        List<PromotionCode> created = promotions().createCodes(id, codes).get();
        assertThat(created).extracting(PromotionCode::code).containsExactly(codes.get(0).code(), codes.get(1).code());
        assertThat(created.get(0).maxUses()).contains(3);
        assertThat(texts(id)).contains(codes.get(0).code(), codes.get(1).code());
    }

    @Test
    void anExistingCodeIsRefusedAndNotCreatedTwice() {
        PromotionId id = fixture().scratch().get(0);
        CodeText code = fresh();
        promotions().createCodes(id, List.of(NewPromotionCode.of(code))).get();
        Either<ProviderFailure, List<PromotionCode>> again = promotions().createCodes(id, List.of(NewPromotionCode.of(code)));
        assertThat(again.isLeft()).isTrue();
        assertThat(again.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(texts(id).stream().filter(code::equals)).hasSize(1);
    }

    @Test
    void codesAreDeletedInBulkAndOneByOne() {
        PromotionId id = fixture().scratch().get(0);
        CodeText a = fresh();
        CodeText b = fresh();
        CodeText c = fresh();
        promotions().createCodes(id, List.of(NewPromotionCode.of(a), NewPromotionCode.of(b), NewPromotionCode.of(c))).get();
        assertThat(promotions().deleteCodes(id, List.of(a, b))).isEqualTo(Either.right(Done.DONE));
        assertThat(promotions().deleteCode(id, c)).isEqualTo(Either.right(Done.DONE));
        assertThat(texts(id)).doesNotContain(a, b, c);
        assertThat(promotions().deleteCode(id, c).getLeft()).isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void thePromotionHoldingACodeIsFound() {
        PromotionId id = fixture().scratch().get(0);
        CodeText code = fresh();
        promotions().createCodes(id, List.of(NewPromotionCode.of(code))).get();
        assertThat(promotions().findPromotionHolding(code)).isEqualTo(Either.right(Option.some(id)));
        assertThat(promotions().findPromotionHolding(fresh())).isEqualTo(Either.right(Option.none()));
    }

    @Test
    void promotionsAreListedAndReadOneByOne() {
        assertThat(promotions().promotions().toList().get()).extracting(p -> p.id()).contains(fixture().seeded());
        assertThat(promotions().promotion(fixture().seeded()).get().id()).isEqualTo(fixture().seeded());
        assertThat(promotions().promotion(PromotionId.of("no-such-promotion")).getLeft())
                .isInstanceOf(ProviderFailure.NotFound.class);
        assertThat(promotions().codes(PromotionId.of("no-such-promotion")).toList().getLeft())
                .isInstanceOf(ProviderFailure.NotFound.class);
    }

    @Test
    void aGenerationJobRunsToCompletionAndASecondConcurrentJobIsRefused() {
        PromotionId id = fixture().scratch().get(1);
        int before = texts(id).size();
        CodeJob job = promotions().startCodeGeneration(id,
                new CodeGenerationRequest(20, Option.some("GEN"), 10, Option.some(1), Option.none())).get();
        assertThat(job.status().isTerminal()).isFalse();
        Either<ProviderFailure, CodeJob> second = promotions().startCodeExport(id);
        assertThat(second.isLeft()).as("a second job while one runs: %s", second).isTrue();
        assertThat(second.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(awaitEnd(id, job).status()).isEqualTo(JobStatus.Known.COMPLETED);
        List<CodeText> after = texts(id);
        assertThat(after).hasSize(before + 20);
        assertThat(after.stream().filter(c -> c.value().startsWith("GEN"))).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(c -> assertThat(c.value()).hasSize(10));
    }

    @Test
    void anExportJobYieldsAMaskedFileLink() {
        PromotionId id = fixture().scratch().get(2);
        CodeJob job = promotions().startCodeExport(id).get();
        assertThat(awaitEnd(id, job).status()).isEqualTo(JobStatus.Known.COMPLETED);
        Secret link = promotions().exportFile(id, job.id()).get();
        assertThat(link.reveal()).startsWith("http");
        assertThat(link.toString()).doesNotContain(link.reveal());
    }

    @Test
    void aRunningJobCanBeCancelled() {
        PromotionId id = fixture().scratch().get(2);
        CodeJob job = promotions().startCodeExport(id).get();
        CodeJob cancelling = promotions().cancelJob(id, job.id()).get();
        assertThat(cancelling.status()).isIn(JobStatus.Known.CANCELLING, JobStatus.Known.CANCELLED);
        assertThat(awaitEnd(id, job).status()).isEqualTo(JobStatus.Known.CANCELLED);
    }

    @Test
    void tooManyCodesAtOnceAreRefusedBeforeSending() {
        List<NewPromotionCode> many = new ArrayList<>();
        IntStream.rangeClosed(0, promotions().maxCodesPerCreate()).forEach(i -> many.add(NewPromotionCode.of(fresh())));
        Either<ProviderFailure, List<PromotionCode>> refused = promotions().createCodes(fixture().scratch().get(0), many);
        assertThat(refused.isLeft()).as("a provider limit is answered as a value: %s", refused).isTrue();
        assertThat(refused.getLeft()).isInstanceOf(ProviderFailure.InvalidRequest.class);
        assertThat(refused.getLeft().provablyNotApplied()).isTrue();
        assertThat(refused.getLeft().message()).contains("at most");
        assertThat(promotions().codes(fixture().scratch().get(0)).toList().get())
                .as("none of the refused codes was created")
                .noneMatch(c -> many.stream().anyMatch(m -> m.code().equals(c.code())));
    }
}
