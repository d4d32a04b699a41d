package io.voucherport.application.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Done;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import io.voucherport.domain.promotion.CodeGenerationRequest;
import io.voucherport.domain.promotion.CodeJob;
import io.voucherport.domain.promotion.CodeText;
import io.voucherport.domain.promotion.JobId;
import io.voucherport.domain.promotion.NewPromotionCode;
import io.voucherport.domain.promotion.Promotion;
import io.voucherport.domain.promotion.PromotionCode;
import io.voucherport.domain.promotion.PromotionCodes;
import io.voucherport.domain.promotion.PromotionId;
import io.voucherport.domain.promotion.PromotionKind;
import io.voucherport.testkit.fake.InMemoryPromotionCodes;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issuing, revoking and finding promotion codes against the in-memory fake. */
class PromotionCodeServiceTest {

    private static final PromotionId SPRING = PromotionId.of("spring");

    private final InMemoryPromotionCodes fake = new InMemoryPromotionCodes(PromotionKind.STANDARD, 7, 10)
            .promotion("spring", "Spring", 12);

    /** The fake, except that create number {@code failOn} fails, after committing when {@code commit}. */
    private static final class FailingCreate implements PromotionCodes {
        private final PromotionCodes inner;
        private final int failOn;
        private final boolean commit;
        private int creates;

        FailingCreate(PromotionCodes inner, int failOn, boolean commit) {
            this.inner = inner;
            this.failOn = failOn;
            this.commit = commit;
        }

        @Override
        public Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes) {
            if (++creates != failOn) {
                return inner.createCodes(id, codes);
            }
            if (commit) {
                inner.createCodes(id, codes);
                return Either.left(new ProviderFailure.OutcomeUnknown(FailureDetails.of("test", "timeout after sending")));
            }
            return Either.left(new ProviderFailure.RateLimited(FailureDetails.of("test", "slow down"), Option.none()));
        }

        @Override
        public int maxCodesPerCreate() {
            return inner.maxCodesPerCreate();
        }

        @Override
        public PagedSequence<Promotion> promotions() {
            return inner.promotions();
        }

        @Override
        public Either<ProviderFailure, Promotion> promotion(PromotionId id) {
            return inner.promotion(id);
        }

        @Override
        public PagedSequence<PromotionCode> codes(PromotionId id) {
            return inner.codes(id);
        }

        @Override
        public Either<ProviderFailure, Done> deleteCodes(PromotionId id, List<CodeText> codes) {
            return inner.deleteCodes(id, codes);
        }

        @Override
        public Either<ProviderFailure, Done> deleteCode(PromotionId id, CodeText code) {
            return inner.deleteCode(id, code);
        }

        @Override
        public Either<ProviderFailure, Option<PromotionId>> findPromotionHolding(CodeText code) {
            return inner.findPromotionHolding(code);
        }

        @Override
        public Either<ProviderFailure, CodeJob> startCodeGeneration(PromotionId id, CodeGenerationRequest request) {
            return inner.startCodeGeneration(id, request);
        }

        @Override
        public Either<ProviderFailure, CodeJob> startCodeExport(PromotionId id) {
            return inner.startCodeExport(id);
        }

        @Override
        public Either<ProviderFailure, CodeJob> job(PromotionId id, JobId jobId) {
            return inner.job(id, jobId);
        }

        @Override
        public Either<ProviderFailure, CodeJob> cancelJob(PromotionId id, JobId jobId) {
            return inner.cancelJob(id, jobId);
        }

        @Override
        public Either<ProviderFailure, Secret> exportFile(PromotionId id, JobId jobId) {
            return inner.exportFile(id, jobId);
        }
    }

    private Set<String> texts() {
        Set<String> all = new HashSet<>();
        fake.codes(SPRING).forEachItem(c -> all.add(c.code().value()));
        return all;
    }

    @Test
    void newCodesAreDrawnUniqueAvoidingExistingOnesAndCreatedInProviderSizedBatches() {
        fake.createCodes(SPRING, List.of(NewPromotionCode.of(CodeText.of("PAAAA")), NewPromotionCode.of(CodeText.of("PBBBB"))));
        PromotionCodeService service = new PromotionCodeService(fake, new Random(7));
        PromotionCodeService.Issued issued = service.issue(SPRING, 14, new CodePattern("AB", 5, "P"), Option.some(2)).get();
        assertThat(issued.complete()).isTrue();
        assertThat(issued.created()).hasSize(14).extracting(c -> c.code().value()).doesNotHaveDuplicates()
                .doesNotContain("PAAAA", "PBBBB").allMatch(c -> c.matches("P[AB]{4}"));
        assertThat(issued.created()).allSatisfy(c -> assertThat(c.maxUses()).contains(2));
        assertThat(texts()).hasSize(12 + 2 + 14);
        assertThatThrownBy(() -> service.issue(SPRING, 1, new CodePattern("AB", 5, "P"), Option.none()))
                .hasMessageContaining("cannot make 1 unused codes");
    }

    @Test
    void aBatchRefusedMidwayReportsExactlyWhatWasCreated() {
        PromotionCodeService service = new PromotionCodeService(new FailingCreate(fake, 2, false), new Random(1));
        PromotionCodeService.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.complete()).isFalse();
        assertThat(issued.created()).hasSize(10);
        assertThat(issued.notCreated()).hasSize(15);
        assertThat(issued.uncertain()).isEmpty();
        assertThat(issued.failure().get()).isInstanceOf(ProviderFailure.RateLimited.class);
        assertThat(texts()).hasSize(22).containsAll(issued.created().stream().map(c -> c.code().value()).toList())
                .doesNotContainAnyElementsOf(issued.notCreated().stream().map(CodeText::value).toList());
    }

    @Test
    void aBatchWithUnknownOutcomeIsListedAgainToLearnWhatExists() {
        PromotionCodeService service = new PromotionCodeService(new FailingCreate(fake, 2, true), new Random(2));
        PromotionCodeService.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).hasSize(20);
        assertThat(issued.notCreated()).hasSize(5);
        assertThat(texts()).hasSize(12 + 20);
    }

    @Test
    void codesAreRevokedAndTheirPromotionFound() {
        PromotionCodeService service = new PromotionCodeService(fake, new Random(3));
        List<CodeText> issued = service.issue(SPRING, 3, CodePattern.of("R", 8), Option.none()).get().created().stream()
                .map(PromotionCode::code).toList();
        assertThat(service.whoHolds(issued.get(0)).get()).contains(SPRING);
        assertThat(service.revoke(SPRING, issued).isRight()).isTrue();
        assertThat(service.whoHolds(issued.get(0)).get()).isEmpty();
        assertThat(service.codes(SPRING).toList().get()).hasSize(12);
    }
}
