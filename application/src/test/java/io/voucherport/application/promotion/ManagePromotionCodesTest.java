package io.voucherport.application.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.application.VirtualWaiting;
import io.voucherport.testkit.time.VirtualTime;
import io.voucherport.domain.Done;
import io.voucherport.domain.Secret;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.Page;
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
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issuing, revoking and finding promotion codes against the in-memory fake. */
class ManagePromotionCodesTest {

    private static final PromotionId SPRING = PromotionId.of("spring");

    private final InMemoryPromotionCodes fake = new InMemoryPromotionCodes(PromotionKind.STANDARD, 7, 10)
            .promotion("spring", "Spring", 12);

    /** How create number {@code failOn} fails. */
    private enum Failure {
        /** Refused (rate limited): nothing created. */
        REFUSED,
        /** Created, but the answer was lost: outcome unknown. */
        COMMITTED_UNKNOWN,
        /** Lost before it arrived, so nothing created, but the caller cannot know: outcome unknown. */
        LOST_UNKNOWN
    }

    /**
     * The fake, except that create number {@code failOn} fails as {@code failure}; codes of that
     * create are missing from listings until {@code lag} after it (an index that lags), and
     * listings fail from listing number {@code listingsFailFrom} on (0: never).
     */
    private static final class FailingCreate implements PromotionCodes {
        private final PromotionCodes inner;
        private final int failOn;
        private final Failure failure;
        private final VirtualTime time;
        private final Duration lag;
        private final int listingsFailFrom;
        private final Set<String> lagging = new HashSet<>();
        private Instant committedAt;
        private boolean failed;
        private boolean unreadableAfterFailure;
        private int creates;
        private int listings;

        FailingCreate(PromotionCodes inner, int failOn, boolean commit) {
            this(inner, failOn, commit ? Failure.COMMITTED_UNKNOWN : Failure.REFUSED, new VirtualTime(), Duration.ZERO, 0);
        }

        FailingCreate(PromotionCodes inner, int failOn, Failure failure, VirtualTime time, Duration lag,
                int listingsFailFrom) {
            this.inner = inner;
            this.failOn = failOn;
            this.failure = failure;
            this.time = time;
            this.lag = lag;
            this.listingsFailFrom = listingsFailFrom;
        }

        @Override
        public Either<ProviderFailure, List<PromotionCode>> createCodes(PromotionId id, List<NewPromotionCode> codes) {
            if (++creates != failOn) {
                return inner.createCodes(id, codes);
            }
            failed = true;
            if (failure == Failure.COMMITTED_UNKNOWN) {
                inner.createCodes(id, codes);
                codes.forEach(c -> lagging.add(c.code().value()));
                committedAt = time.now();
            }
            if (failure != Failure.REFUSED) {
                return Either.left(new ProviderFailure.OutcomeUnknown(FailureDetails.of("test", "timeout after sending")));
            }
            return Either.left(new ProviderFailure.RateLimited(FailureDetails.of("test", "slow down"), Option.none()));
        }

        int listings() {
            return listings;
        }

        /** After the failed create, listings start with a page holding only a code that cannot be read. */
        FailingCreate unreadableAfterFailure() {
            this.unreadableAfterFailure = true;
            return this;
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
            listings++;
            if (listingsFailFrom > 0 && listings >= listingsFailFrom) {
                return PagedSequence.<Integer, PromotionCode>of(1, page -> Either.left(
                        new ProviderFailure.Unavailable(FailureDetails.of("test", "listing failed"), Option.none())));
            }
            boolean visible = committedAt == null || !time.now().isBefore(committedAt.plus(lag));
            boolean unreadableFirst = failed && unreadableAfterFailure;
            return PagedSequence.of(unreadableFirst ? 0 : 1, page -> page == 0
                    ? Either.right(new Page<Integer, PromotionCode>(List.of(), List.of(new ProviderFailure.UnreadableItem(
                            FailureDetails.of("test", "code ?? could not be read"), "code ??", "uses is no count")),
                            Option.some(1)))
                    : inner.codes(id).toListing().map(all -> new Page<Integer, PromotionCode>(all.items().stream()
                            .filter(c -> visible || !lagging.contains(c.code().value())).toList(), all.unreadable(),
                            Option.none())));
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
        ManagePromotionCodes service = new ManagePromotionCodes(fake, new Random(7));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 14, new CodePattern("AB", 5, "P"), Option.some(2)).get();
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
        ManagePromotionCodes service = new ManagePromotionCodes(new FailingCreate(fake, 2, false), new Random(1));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
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
        ManagePromotionCodes service = new ManagePromotionCodes(new FailingCreate(fake, 2, true), new Random(2));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).hasSize(20);
        assertThat(issued.notCreated()).hasSize(5);
        assertThat(texts()).hasSize(12 + 20);
    }

    @Test
    void aListingThatLagsBehindAnUnknownOutcomeIsNotProofOfAbsence() {
        VirtualTime time = new VirtualTime();
        Instant start = time.now();
        FailingCreate lagging = new FailingCreate(fake, 2, Failure.COMMITTED_UNKNOWN, time, Duration.ofSeconds(10), 0);
        ManagePromotionCodes service = new ManagePromotionCodes(lagging, new Random(2), Duration.ofSeconds(30),
                VirtualWaiting.of(time));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).as("the batch created before its answer was lost").hasSize(20);
        assertThat(issued.notCreated()).as("only the codes never sent").hasSize(5)
                .doesNotContainAnyElementsOf(texts().stream().map(CodeText::of).toList());
        assertThat(issued.uncertain()).isEmpty();
        assertThat(texts()).hasSize(12 + 20);
        assertThat(Duration.between(start, time.now())).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    @Test
    void absenceIsProvenOnlyByListingsOverTheSettleTime() {
        VirtualTime time = new VirtualTime();
        Instant start = time.now();
        FailingCreate lost = new FailingCreate(fake, 2, Failure.LOST_UNKNOWN, time, Duration.ZERO, 0);
        ManagePromotionCodes service = new ManagePromotionCodes(lost, new Random(4),
                Duration.ofSeconds(30), VirtualWaiting.of(time));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).hasSize(10);
        assertThat(issued.notCreated()).hasSize(15);
        assertThat(issued.uncertain()).isEmpty();
        assertThat(lost.listings()).as("one listing before drawing, at least two after").isGreaterThanOrEqualTo(1 + 2);
        assertThat(Duration.between(start, time.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(texts()).hasSize(12 + 10);
    }

    @Test
    void codesNeitherSeenNorProvenAbsentAreUncertain() {
        VirtualTime time = new VirtualTime();
        FailingCreate failingListing = new FailingCreate(fake, 2, Failure.COMMITTED_UNKNOWN, time, Duration.ofSeconds(10), 3);
        ManagePromotionCodes service = new ManagePromotionCodes(failingListing, new Random(5), Duration.ofSeconds(30),
                VirtualWaiting.of(time));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).hasSize(10);
        assertThat(issued.uncertain()).hasSize(10);
        assertThat(issued.notCreated()).hasSize(5).doesNotContainAnyElementsOf(issued.uncertain());
        assertThat(issued.failure().get()).isInstanceOf(ProviderFailure.OutcomeUnknown.class);
    }

    @Test
    void anUnreadableCodeAfterAnUnknownOutcomeHidesNoCodeListedAfterIt() {
        FailingCreate failing = new FailingCreate(fake, 2, true).unreadableAfterFailure();
        ManagePromotionCodes service = new ManagePromotionCodes(failing, new Random(2));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).as("the batch's codes listed after the unreadable one are found").hasSize(20);
        assertThat(issued.notCreated()).hasSize(5);
        assertThat(issued.uncertain()).isEmpty();
    }

    @Test
    void codesNeverSeenWhileAListingHeldAnUnreadableCodeAreUncertainNotAbsent() {
        VirtualTime time = new VirtualTime();
        FailingCreate lost = new FailingCreate(fake, 2, Failure.LOST_UNKNOWN, time, Duration.ZERO, 0)
                .unreadableAfterFailure();
        ManagePromotionCodes service = new ManagePromotionCodes(lost, new Random(4), Duration.ofSeconds(30),
                VirtualWaiting.of(time));
        ManagePromotionCodes.Issued issued = service.issue(SPRING, 25, CodePattern.of("SPR", 10), Option.none()).get();
        assertThat(issued.created()).hasSize(10);
        assertThat(issued.uncertain()).as("the unreadable code may be one of them").hasSize(10);
        assertThat(issued.notCreated()).as("only the codes never sent").hasSize(5);
    }

    @Test
    void anExistingCodeThatCannotBeReadStopsAnIssuanceBeforeAnythingIsCreated() {
        fake.unreadableCode("spring", "code SPRING-??", "uses is no count");
        ManagePromotionCodes service = new ManagePromotionCodes(fake, new Random(6));
        ProviderFailure failure = service.issue(SPRING, 3, CodePattern.of("SPR", 10), Option.none()).getLeft();
        assertThat(failure).isInstanceOf(ProviderFailure.UnreadableItem.class);
        assertThat(((ProviderFailure.UnreadableItem) failure).item()).isEqualTo("code SPRING-??");
        assertThat(fake.codes(SPRING).toListing().get().items()).hasSize(12);
    }

    @Test
    void codesAreRevokedAndTheirPromotionFound() {
        ManagePromotionCodes service = new ManagePromotionCodes(fake, new Random(3));
        List<CodeText> issued = service.issue(SPRING, 3, CodePattern.of("R", 8), Option.none()).get().created().stream()
                .map(PromotionCode::code).toList();
        assertThat(service.whoHolds(issued.get(0)).get()).contains(SPRING);
        assertThat(service.revoke(SPRING, issued).isRight()).isTrue();
        assertThat(service.whoHolds(issued.get(0)).get()).isEmpty();
        assertThat(service.codes(SPRING).toList().get()).hasSize(12);
    }
}
