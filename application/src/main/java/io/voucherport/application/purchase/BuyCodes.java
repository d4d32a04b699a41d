package io.voucherport.application.purchase;

import io.voucherport.application.ListenerLog;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.journal.JournalException;
import io.voucherport.domain.journal.JournaledPurchase;
import io.voucherport.domain.journal.LeaseLostException;
import io.voucherport.domain.journal.PurchaseEvent;
import io.voucherport.domain.journal.PurchaseJournal;
import io.voucherport.domain.journal.PurchaseJournal.Claimed;
import io.voucherport.domain.journal.PurchaseStatus;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.observe.Outcome;
import io.voucherport.domain.observe.PurchaseSignal;
import io.voucherport.domain.observe.PurchaseSignal.Stage;
import io.voucherport.domain.observe.VoucherportListener;
import io.voucherport.domain.supply.CodeStatus;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.Sku;
import io.voucherport.domain.supply.SkuCodes;
import io.voucherport.domain.supply.SupplierOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Buys codes from one supplier exactly once and waits for them, keeping every step in the
 * {@link PurchaseJournal}.
 *
 * <p>The purchase is journaled <b>before the first call</b>, and every placement is journaled as
 * sent before it goes out and with its outcome when it comes back. The reference is the
 * supplier's idempotency key, and the rules follow from the journal alone, so they hold across
 * restarts and between service instances:
 * <ul>
 *   <li>a placement is sent only while no earlier one of this purchase may have taken effect;</li>
 *   <li>after any doubt (an outcome-unknown failure, or a placement sent with no outcome journaled,
 *       as after a crash) the order is looked up by reference, and absence counts as proven only
 *       after at least two empty lookups, the last one at least the supplier's
 *       {@linkplain CodeSupplier#referenceLookupLag() lookup lag} after the doubt arose;</li>
 *   <li>an order found by reference is used only when its reference matches exactly;</li>
 *   <li>once any placement had an unknown outcome, the purchase never ends "nothing bought";</li>
 *   <li>{@code Delivered} means every requested SKU × quantity has a delivered code, judged against
 *       the request;</li>
 *   <li>a code the supplier sent that could not be read ({@code UNREADABLE}) is missing, never
 *       delivered, and not waited for as if pending: once every missing code is one of those, the
 *       purchase ends {@code PartiallyDelivered}, which lists them with their stock ids
 *       ({@link PurchaseResult.PartiallyDelivered#unreadable()}); resuming it fetches them again.</li>
 * </ul>
 * One instance drives a purchase at a time, under a lease in the journal: a second instance asked
 * to buy the same reference answers {@code Pending} without calling the supplier, and takes over
 * through {@link RecoverPurchases} when the first one's lease runs out.
 *
 * <p>Waiting follows the {@link PollingPolicy} in the time given by {@link Waiting};
 * {@link #buyAsync} blocks no thread while it waits. A journal failure never lets a call through:
 * the purchase answers {@code Pending} — never {@code Failed}, since the failed journal write may
 * have taken effect unseen or an earlier call may have placed the order — and is resumed by
 * reference once the journal is back. A supplier that misbehaves — throws (an Error included) or answers nothing — is
 * a doubt, never an exception out of {@link #buy}: a placement is looked up by reference (never
 * sent again blindly), a read is tried again later. The futures of {@link #buyAsync} and
 * {@link #resumeAsync} always complete: with the result, or exceptionally when something else (the
 * journal, the clock, the scheduler) threw. Thread-safe.
 *
 * <p>Each step of a purchase (placed, refused, outcome unknown, looked up, absence proven,
 * delivered, partially delivered, failed, pending) is told to the builder's
 * {@link VoucherportListener} as a {@link PurchaseSignal}; a listener never changes the purchase.
 */
public final class BuyCodes {

    /** How often a purchase is placed at one supplier before it stops trying. */
    public static final int MAX_PLACEMENTS = 3;

    private final String name;
    private final CodeSupplier supplier;
    private final PurchaseJournal journal;
    private final PollingPolicy policy;
    private final Waiting waiting;
    private final Duration settleTime;
    private final Duration leaseFor;
    private final Duration recheckAfter;
    private final String owner;
    private final VoucherportListener listener;

    private BuyCodes(Builder b) {
        this.name = b.name;
        this.supplier = b.supplier;
        this.journal = b.journal;
        this.policy = b.policy;
        this.waiting = b.waiting;
        this.settleTime = b.settleTime != null ? b.settleTime : supplier.referenceLookupLag();
        this.leaseFor = b.leaseFor;
        this.recheckAfter = b.recheckAfter;
        this.owner = b.owner;
        this.listener = b.listener;
    }

    /**
     * {@return a builder for buying from {@code supplier}, journaled in {@code journal} under the supplier's
     * {@code name} (the name the journal and {@link RecoverPurchases} know it by; keep it stable)}
     *
     * @param name the supplier's stable name in the journal (an identifier, e.g. {@code ez}); a
     *     renamed supplier no longer finds its journaled purchases
     * @param supplier the supplier port the codes are bought from, not null
     * @param journal the durable record of every purchase, shared by all instances of the
     *     service, not null; it is what makes a purchase never placed twice
     */
    public static Builder builder(String name, CodeSupplier supplier, PurchaseJournal journal) {
        return new Builder(name, supplier, journal);
    }

    /**
     * {@return a request with a fresh reference: store the reference before calling {@link #buy}}
     *
     * @param lines what to buy: one or more lines of SKU, quantity and (for products sold in a
     *     range of values) face value, each SKU once
     * @param settlementCurrency the wallet or currency to pay with, or none for the supplier's
     *     default
     */
    public static OrderRequest prepare(List<OrderLine> lines, Option<CurrencyCode> settlementCurrency) {
        return new OrderRequest(OrderReference.generate(), lines, settlementCurrency);
    }

    /** {@return the supplier's name in the journal} */
    public String name() {
        return name;
    }

    /** {@return the supplier bought from} */
    public CodeSupplier supplier() {
        return supplier;
    }

    /** The journal kept. */
    PurchaseJournal journal() {
        return journal;
    }

    /** Tells the listener that {@code purchase} took {@code stage}. */
    void signal(JournaledPurchase purchase, Stage stage, String detail) {
        signal(purchase.reference(), purchase.openedAt(), stage, detail);
    }

    /**
     * Tells the listener that the purchase with {@code reference}, opened at {@code openedAt} (null:
     * not known), took {@code stage}.
     */
    private void signal(OrderReference reference, Instant openedAt, Stage stage, String detail) {
        Duration since = Duration.ZERO;
        try {
            since = openedAt == null ? Duration.ZERO : Duration.between(openedAt, now());
        } catch (RuntimeException e) {   // a clock that fails is no reason to stop a purchase
            since = Duration.ZERO;
        }
        listener.purchase(new PurchaseSignal(name, stage, detail, since, reference));
    }

    /** The listener this buyer tells (guarded). */
    VoucherportListener listener() {
        return listener;
    }

    /** How long after it is left pending a purchase is due for recovery. */
    Duration recheckAfter() {
        return recheckAfter;
    }

    /**
     * Journals the purchase, places it, waits for it by the policy and fetches its codes; blocks
     * while waiting. A reference journaled already is resumed instead (never placed twice); one
     * journaled with another request is refused with {@link IllegalArgumentException}.
     *
     * @param request what to buy under the caller's reference (see {@link #prepare}); calling again
     *     with the same request is safe and resumes the purchase
     * @return how the purchase ended: delivered, partially delivered, failed (supplier refusals
     *     included, never thrown), or pending when it is not settled yet (deadline passed, leased
     *     to another instance, journal unavailable) — then resume it by reference
     */
    public PurchaseResult buy(OrderRequest request) {
        Require.present(request, "request");
        return start(request, this::runBlocking);
    }

    /**
     * {@link #buy} without blocking a thread while waiting (supplier and journal calls still block).
     *
     * @param request what to buy under the caller's reference; a repeat resumes the purchase
     * @return a future completing with the purchase result
     */
    public CompletableFuture<PurchaseResult> buyAsync(OrderRequest request) {
        Require.present(request, "request");
        return async(runner -> start(request, runner));
    }

    /**
     * Picks up the purchase with this request's reference after a crash or restart: drives it on
     * from what the journal holds (an ended purchase answers its result again, with its codes
     * fetched anew). A reference the journal does not know is journaled as possibly sent already,
     * so it is looked up and placed only when absence is proven.
     *
     * @param request the request as first given to {@link #buy}, same reference and lines
     * @return how the purchase ended, or pending again when it is still open (or leased to
     *     another instance)
     */
    public PurchaseResult resume(OrderRequest request) {
        Require.present(request, "request");
        return resume(request, this::runBlocking);
    }

    /**
     * {@link #resume} without blocking a thread while waiting.
     *
     * @param request the request as first given to {@link #buy}, same reference and lines
     * @return a future completing with the purchase result
     */
    public CompletableFuture<PurchaseResult> resumeAsync(OrderRequest request) {
        Require.present(request, "request");
        return async(runner -> resume(request, runner));
    }

    /**
     * Runs {@code purchase} later, its waits scheduled rather than slept; the future completes with
     * the result, whether it came at once (say, pending behind another instance) or after waiting.
     */
    private CompletableFuture<PurchaseResult> async(java.util.function.Function<Runner, PurchaseResult> purchase) {
        CompletableFuture<PurchaseResult> result = new CompletableFuture<>();
        try {
            waiting.later().run(Duration.ZERO, () -> {
                try {
                    PurchaseResult now = purchase.apply(first -> {
                        runAsync(first, result);
                        return null;
                    });
                    if (now != null) {
                        result.complete(now);
                    }
                } catch (Throwable e) {
                    failed(result, e);
                }
            });
        } catch (Throwable e) {   // nothing ran: the scheduler refused the work
            failed(result, e);
        }
        return result;
    }

    /**
     * Completes {@code result} exceptionally with {@code e} — whatever was thrown (a journal, a
     * clock, a scheduler; an Error included), the future never stays incomplete — and rethrows a
     * failure of the JVM itself (out of memory) once the future is completed.
     */
    private static void failed(CompletableFuture<PurchaseResult> result, Throwable e) {
        result.completeExceptionally(e);
        if (fatal(e)) {
            throw (Error) e;
        }
    }

    /** A failure of the JVM itself, never turned into a value: a {@link VirtualMachineError} but a stack overflow. */
    private static boolean fatal(Throwable e) {
        return e instanceof VirtualMachineError && !(e instanceof StackOverflowError);
    }

    /** Drives a purchase claimed by recovery to its end or to pending, and gives the lease back. */
    PurchaseResult drive(Claimed claimed) {
        Run run = new Run(claimed);
        return runBlocking(run.guarded(run::next));
    }

    /** Drives a claimed purchase without giving the lease back (for the directory, which may reroute). */
    Run driveHeld(Claimed claimed) {
        Run run = new Run(claimed);
        run.keepLease = true;
        run.result = runBlocking(run.guarded(run::next));
        return run;
    }

    private interface Runner {
        PurchaseResult run(Step first);
    }

    private PurchaseResult start(OrderRequest request, Runner runner) {
        Either<JournaledPurchase, Claimed> opened;
        try {
            opened = journal.open(request, name, List.of(new PurchaseEvent.Sent(name, now())), owner, now(), leaseFor);
        } catch (JournalException e) {
            return journalDown(request.reference(), e);
        }
        if (opened.isRight()) {   // journaled as sent in the same write: send it
            Run run = new Run(opened.get());
            return runner.run(run.guarded(run::send));
        }
        JournaledPurchase existing = opened.getLeft();
        if (!existing.opened().request().equals(request) && !existing.request().equals(request)) {
            throw new IllegalArgumentException("reference " + request.reference()
                    + " is journaled already for another request: use a new reference for a new purchase");
        }
        return resume(request, runner);
    }

    private PurchaseResult resume(OrderRequest request, Runner runner) {
        Option<Claimed> claimed;
        Instant openedAt;
        try {
            Option<JournaledPurchase> known = journal.find(request.reference());
            if (known.isEmpty()) {
                Either<JournaledPurchase, Claimed> opened = journal.open(request, name, List.of(
                        new PurchaseEvent.OutcomeUnknown(name, "resumed without a journal record: it may have been"
                                + " placed before", now())), owner, now(), leaseFor);
                if (opened.isRight()) {
                    Run run = new Run(opened.get());
                    signal(opened.get().purchase(), Stage.OUTCOME_UNKNOWN, "no-journal-record");
                    return runner.run(run.guarded(() -> run.lookUp(0)));
                }
                known = Option.some(opened.getLeft());
            }
            if (!known.get().supplier().equals(name)) {
                throw new IllegalArgumentException("purchase " + request.reference() + " is journaled at supplier "
                        + known.get().supplier() + ", not " + name + ": resume it there (or through RecoverPurchases)");
            }
            if (known.get().status().isEnded()) {
                return ended(known.get());
            }
            openedAt = known.get().openedAt();
            claimed = journal.claim(request.reference(), owner, now(), leaseFor);
        } catch (JournalException e) {
            return journalDown(request.reference(), e);
        }
        if (claimed.isEmpty()) {
            signal(request.reference(), openedAt, Stage.PENDING, "driven-elsewhere");
            return new PurchaseResult.Pending(request.reference(), Option.none(), Option.none(),
                    "another instance is driving this purchase now; it is never placed twice");
        }
        Run run = new Run(claimed.get());
        return runner.run(run.guarded(run::next));
    }

    /** The result of a purchase that has ended, told again; delivered codes are fetched anew. */
    PurchaseResult ended(JournaledPurchase purchase) {
        OrderReference reference = purchase.reference();
        PurchaseEvent last = purchase.events().get(purchase.events().size() - 1);
        if (last instanceof PurchaseEvent.Failed failed) {   // an order that ended without codes is no "nothing bought"
            return new PurchaseResult.Failed(reference, Option.none(), failed.reason(), Option.none(),
                    failed.mayHaveBought() || purchase.orderId().isDefined());
        }
        Either<ProviderFailure, SupplierOrder> order = ask("fetching the order", false,
                () -> supplier.findOrder(purchase.orderId().get()));
        Either<ProviderFailure, OrderCodes> codes = order.flatMap(o -> ask("fetching the codes", false,
                () -> supplier.fetchCodes(o.id())));
        if (codes.isLeft()) {
            return new PurchaseResult.Pending(reference, purchase.orderId(), Option.none(), "the purchase has ended "
                    + purchase.status() + " but its codes could not be fetched again now ("
                    + codes.getLeft().message() + ")");
        }
        Map<Sku, Integer> missing = purchase.request().shortfall(codes.get());
        return purchase.status() == PurchaseStatus.DELIVERED && missing.isEmpty()
                ? new PurchaseResult.Delivered(reference, order.get(), codes.get())
                : new PurchaseResult.PartiallyDelivered(reference, order.get(), codes.get(), missing);
    }

    /**
     * The journal failed before this call sent anything. Not "nothing bought": the write may have
     * taken effect unseen (then recovery drives the purchase), or an earlier call may have placed
     * it. Resume it by reference once the journal is back; it is never bought twice.
     */
    private PurchaseResult journalDown(OrderReference reference, JournalException e) {
        signal(reference, null, Stage.PENDING, "journal-failed");
        return new PurchaseResult.Pending(reference, Option.none(), Option.none(), "the purchase journal failed ("
                + e.getMessage() + "); nothing was sent by this call: resume it by reference later");
    }

    private Instant now() {
        return waiting.clock().instant();
    }


    private PurchaseResult runBlocking(Step first) {
        Step step = first;
        while (step instanceof Step.Wait wait) {
            try {
                waiting.sleeper().sleep(wait.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return wait.interrupted().get();
            }
            step = wait.then().get();
        }
        return ((Step.Done) step).result();
    }

    private void runAsync(Step step, CompletableFuture<PurchaseResult> result) {
        try {
            if (step instanceof Step.Wait wait) {
                waiting.later().run(wait.delay(), () -> {
                    try {
                        runAsync(wait.then().get(), result);
                    } catch (Throwable e) {
                        failed(result, e);
                    }
                });
            } else {
                result.complete(((Step.Done) step).result());
            }
        } catch (Throwable e) {
            failed(result, e);
        }
    }

    /**
     * The supplier's answer to {@code call} — or, when the supplier misbehaves (throws, an Error
     * included, or answers null), a failure that proves nothing: {@code OutcomeUnknown} for a
     * placement (so the order is looked up, never placed blindly again), {@code UnexpectedResponse}
     * for a read (tried again later). A failure of the JVM itself is rethrown.
     */
    private <T> Either<ProviderFailure, T> ask(String what, boolean places, Supplier<Either<ProviderFailure, T>> call) {
        String why;
        try {
            Either<ProviderFailure, T> answer = call.get();
            if (answer != null && (answer.isLeft() ? answer.getLeft() != null : answer.get() != null)) {
                return answer;
            }
            why = "answered nothing";
        } catch (Throwable e) {
            if (fatal(e)) {
                throw (Error) e;
            }
            if (e instanceof InterruptedException) {   // thrown sneakily: keep the interrupt
                Thread.currentThread().interrupt();
            }
            why = "threw " + e.getClass().getSimpleName();
        }
        FailureDetails details = FailureDetails.of(name, "the supplier " + why + " while " + what);
        return Either.left(places ? new ProviderFailure.OutcomeUnknown(details)
                : new ProviderFailure.UnexpectedResponse(details));
    }

    /** One step of a purchase: done, or wait and continue. */
    private sealed interface Step {
        record Done(PurchaseResult result) implements Step {
        }

        /** Wait {@code delay}, then continue; {@code interrupted} is the result when the wait is cut short. */
        record Wait(Duration delay, Supplier<Step> then, Supplier<PurchaseResult> interrupted) implements Step {
        }
    }

    /** The state of one purchase driven under a lease. Steps run one at a time. */
    final class Run {
        private final Instant deadline;
        private Claimed claimed;
        private boolean keepLease;
        private boolean ended;
        private List<PurchaseEvent> heldEnd = List.of();
        private PurchaseResult result;
        private final List<PurchaseEvent> unwritten = new ArrayList<>();

        Run(Claimed claimed) {
            this.claimed = claimed;
            this.deadline = now().plus(policy.deadline());
        }

        /** The purchase and lease as they stand. */
        Claimed claimed() {
            return claimed;
        }

        /** How the run ended. */
        PurchaseResult result() {
            return result;
        }

        /**
         * The events still to be journaled when the run kept its lease (the ones ending the
         * purchase, and any held back with them); empty when it ended pending.
         */
        List<PurchaseEvent> heldEnd() {
            return heldEnd;
        }

        private JournaledPurchase purchase() {
            return claimed.purchase();
        }

        private OrderReference reference() {
            return purchase().reference();
        }

        /** Runs {@code step}, turning a lost lease or a failed journal into the purchase's end for now. */
        Step guarded(Supplier<Step> step) {
            try {
                Step next = step.get();
                if (next instanceof Step.Wait wait) {
                    return new Step.Wait(wait.delay(), () -> guarded(wait.then()),
                            () -> ((Step.Done) finish(wait.interrupted().get())).result());
                }
                return finish(((Step.Done) next).result());
            } catch (LeaseLostException e) {
                signal(purchase(), Stage.PENDING, "lease-lost");
                return new Step.Done(new PurchaseResult.Pending(reference(), purchase().orderId(), Option.none(),
                        "another instance took this purchase over; it is never placed twice"));
            } catch (JournalException e) {
                signal(purchase(), Stage.PENDING, "journal-failed");
                return finish(new PurchaseResult.Pending(reference(), purchase().orderId(), Option.none(),
                        "the purchase journal failed (" + e.getMessage() + "); resume it later"));
            }
        }

        /** Gives the lease back: an open purchase is due for recovery after {@code recheckAfter}. */
        private Step finish(PurchaseResult end) {
            if (!keepLease && !ended) {
                try {
                    flush();
                    journal.release(claimed.lease(), now().plus(recheckAfter));
                } catch (JournalException e) {
                    // the lease runs out by itself; recovery picks the purchase up then
                }
            }
            return new Step.Done(end);
        }

        /**
         * Journals {@code event} with any event held back. Events are written before anything that
         * depends on them: before the next call to the supplier that could change something, and
         * before any wait.
         */
        private void record(PurchaseEvent event) {
            claimed = journal.append(claimed, withUnwritten(event), now(), leaseFor);
            unwritten.clear();
        }

        /** Writes the events held back, if any. */
        private void flush() {
            if (!unwritten.isEmpty()) {
                claimed = journal.append(claimed, List.copyOf(unwritten), now(), leaseFor);
                unwritten.clear();
            }
        }

        /** The events held back, then {@code last}; nothing changes until they are written. */
        private List<PurchaseEvent> withUnwritten(PurchaseEvent last) {
            List<PurchaseEvent> events = new ArrayList<>(unwritten);
            events.add(last);
            return events;
        }

        /**
         * Journals the events that end the purchase; unless the caller keeps the lease (the
         * directory may still reroute), in the same write that gives the lease back.
         */
        private void end(PurchaseEvent last) {
            if (keepLease) {   // the directory writes it, or reroutes instead: nobody reads a premature end
                heldEnd = withUnwritten(last);
                unwritten.clear();
                return;
            }
            JournaledPurchase done = journal.finish(claimed, withUnwritten(last), now());
            claimed = new Claimed(done, claimed.lease());
            unwritten.clear();
            ended = true;
        }

        /** Renews the lease when half of it has passed, before a call that may take a while. */
        private void keepLeased() {
            Instant now = now();
            if (claimed.lease().until().isBefore(now.plus(leaseFor.dividedBy(2)))) {
                claimed = new Claimed(claimed.purchase(), journal.renew(claimed.lease(), now, leaseFor));
            }
        }

        private boolean pastDeadline(Duration wait) {
            return now().plus(wait).isAfter(deadline);
        }

        private PurchaseResult.Pending pendingResult(Option<SupplierOrder> order, String reason) {
            return new PurchaseResult.Pending(reference(), order.map(SupplierOrder::id).orElse(purchase().orderId()),
                    order.map(SupplierOrder::status), reason);
        }

        private Step done(PurchaseResult result) {
            return new Step.Done(result);
        }

        /** Waits {@code delay} then goes on, or ends pending when the wait would pass the deadline. */
        private Step after(Duration delay, Option<SupplierOrder> order, String waitingFor, Supplier<Step> then) {
            flush();
            if (pastDeadline(delay)) {
                signal(purchase(), Stage.PENDING, "deadline");
                return done(pendingResult(order, "deadline reached while " + waitingFor));
            }
            return new Step.Wait(delay, then, () -> {
                signal(purchase(), Stage.PENDING, "interrupted");
                return pendingResult(order, "interrupted while " + waitingFor);
            });
        }

        private Step after(int poll, Option<SupplierOrder> order, String waitingFor, Supplier<Step> then) {
            return after(policy.delayBefore(poll, waiting.random()), order, waitingFor, then);
        }

        /** What the journal says comes next. */
        Step next() {
            JournaledPurchase p = purchase();
            if (p.status().isEnded()) {
                return done(ended(p));
            }
            if (p.orderId().isDefined()) {
                return fetchOrder(0);
            }
            if (p.placementInFlight()) {   // its sender is gone, but the request may still land: doubt from now
                record(new PurchaseEvent.OutcomeUnknown(name, "taken over with a placement whose outcome was never"
                        + " journaled", now()));
                signal(purchase(), Stage.OUTCOME_UNKNOWN, "taken-over");
                return lookUp(0);
            }
            if (p.doubtSince().isDefined()) {
                return lookUp(0);
            }
            return place();
        }

        private Step place() {
            if (purchase().placements() >= MAX_PLACEMENTS) {
                return fail(Option.none(), "placed " + purchase().placements() + " times without an order",
                        Option.none());
            }
            keepLeased();
            record(new PurchaseEvent.Sent(name, now()));
            return send();
        }

        /** Sends the placement journaled as sent, and journals its outcome. */
        Step send() {
            Either<ProviderFailure, SupplierOrder> placed = ask("placing the order", true,
                    () -> supplier.place(purchase().request()));
            if (placed.isRight()) {
                SupplierOrder order = placed.get();
                if (order.reference().exists(r -> !r.equals(reference()))) {
                    record(new PurchaseEvent.OutcomeUnknown(name, "the supplier answered with an order of reference "
                            + order.reference().get(), now()));
                    signal(purchase(), Stage.OUTCOME_UNKNOWN, "foreign-reference");
                    return lookUp(0);
                }
                unwritten.add(new PurchaseEvent.Accepted(name, order.id(), now()));   // written with what follows
                signal(purchase(), Stage.PLACED, PurchaseSignal.NO_DETAIL);
                return await(order, 0);
            }
            ProviderFailure failure = placed.getLeft();
            if (failure instanceof ProviderFailure.DuplicateReference duplicate) {
                Option<SupplierOrder> existing = duplicate.existing().filter(o -> o.reference().contains(reference()));
                if (existing.isDefined()) {
                    record(new PurchaseEvent.Accepted(name, existing.get().id(), now()));
                    signal(purchase(), Stage.PLACED, Outcome.of(failure));
                    return await(existing.get(), 0);
                }
                record(new PurchaseEvent.OutcomeUnknown(name, "the supplier has an order with this reference already: "
                        + failure.message(), now()));
                signal(purchase(), Stage.OUTCOME_UNKNOWN, Outcome.of(failure));
                return lookUp(0);
            }
            if (!failure.provablyNotApplied()) {   // unknown outcome, or an answer that proves nothing
                record(new PurchaseEvent.OutcomeUnknown(name, failure.getClass().getSimpleName() + ": "
                        + failure.message(), now()));
                signal(purchase(), Stage.OUTCOME_UNKNOWN, Outcome.of(failure));
                return lookUp(0);
            }
            record(new PurchaseEvent.Refused(name, failure.getClass().getSimpleName(), failure.provablyNotApplied(),
                    failure.isTransient(), failure.message(), now()));
            signal(purchase(), Stage.REFUSED, Outcome.of(failure));
            if (failure.isTransient() && failure.provablyNotApplied() && purchase().placements() < MAX_PLACEMENTS) {
                Duration wait = policy.delayBefore(purchase().placements() - 1, waiting.random());
                if (failure instanceof ProviderFailure.RateLimited limited && limited.retryAfter().isDefined()
                        && limited.retryAfter().get().compareTo(wait) > 0) {
                    wait = limited.retryAfter().get();
                }
                return after(wait, Option.none(), "the supplier was unavailable (" + failure.message() + ")",
                        this::place);
            }
            return fail(Option.none(), "the supplier refused the purchase: " + failure.message(), Option.some(failure));
        }

        /** After doubt: the order by reference, until it is found or its absence is proven. */
        private Step lookUp(int attempt) {
            keepLeased();
            Instant asked = now();   // a lookup proves only what the supplier knew when it was asked
            Either<ProviderFailure, Option<SupplierOrder>> found = ask("looking the order up by reference", false,
                    () -> supplier.findOrderByReference(reference()));
            if (found.isLeft()) {
                return after(attempt, Option.none(), "looking the order up by reference ("
                        + found.getLeft().message() + ")", () -> lookUp(attempt + 1));
            }
            if (found.get().isDefined()) {
                SupplierOrder order = found.get().get();
                if (!order.reference().contains(reference())) {
                    return after(attempt, Option.none(), "looking the order up by reference (the supplier answered"
                            + " an order of another reference)", () -> lookUp(attempt + 1));
                }
                record(new PurchaseEvent.LookedUp(name, Option.some(order.id()), asked));
                signal(purchase(), Stage.LOOKED_UP, "found");
                return await(order, 0);
            }
            record(new PurchaseEvent.LookedUp(name, Option.none(), asked));
            signal(purchase(), Stage.LOOKED_UP, "absent");
            JournaledPurchase p = purchase();
            if (p.absenceProven(settleTime)) {
                record(new PurchaseEvent.AbsenceProven(name, p.emptyLookupsSinceDoubt(), now()));
                signal(purchase(), Stage.ABSENCE_PROVEN, PurchaseSignal.NO_DETAIL);
                return place();
            }
            Duration untilSettled = Duration.between(now(), p.doubtSince().get().plus(settleTime));
            Duration backoff = policy.delayBefore(attempt, waiting.random());
            Duration wait = untilSettled.isNegative() || untilSettled.isZero() || backoff.compareTo(untilSettled) < 0
                    ? backoff : untilSettled;
            return after(wait, Option.none(), "proving that no order exists (" + p.emptyLookupsSinceDoubt()
                    + " empty lookups; one proves nothing)", () -> lookUp(attempt + 1));
        }

        private Step fetchOrder(int poll) {
            keepLeased();
            Either<ProviderFailure, SupplierOrder> order = ask("fetching the order", false,
                    () -> supplier.findOrder(purchase().orderId().get()));
            if (order.isRight()) {
                return await(order.get(), 0);
            }
            return after(poll, Option.none(), "fetching order " + purchase().orderId().get() + " ("
                    + order.getLeft().message() + ")", () -> fetchOrder(poll + 1));
        }

        private Step await(SupplierOrder order, int poll) {
            OrderStatus status = order.status();
            if (status.mayHaveCodes()) {
                return codes(order, 0);
            }
            if (status.isTerminal()) {
                return fail(Option.some(order), "the order ended " + status, Option.none());
            }
            return after(poll, Option.some(order), "the order is " + status, () -> {
                keepLeased();
                Either<ProviderFailure, SupplierOrder> now = ask("fetching the order", false,
                        () -> supplier.findOrder(order.id()));
                return await(now.getOrElse(order), poll + 1);
            });
        }

        private Step codes(SupplierOrder order, int poll) {
            keepLeased();
            Either<ProviderFailure, OrderCodes> codes = ask("fetching the codes", false,
                    () -> supplier.fetchCodes(order.id()));
            if (codes.isRight()) {
                Map<Sku, Integer> missing = purchase().request().shortfall(codes.get());
                if (missing.isEmpty()) {
                    end(new PurchaseEvent.Delivered(order.id(), codes.get().delivered().size(), now()));
                    signal(purchase(), Stage.DELIVERED, PurchaseSignal.NO_DETAIL);
                    return done(new PurchaseResult.Delivered(reference(), order, codes.get()));
                }
                if (order.status() == OrderStatus.PARTIALLY_COMPLETED || onlyUnreadableMissing(missing, codes.get())) {
                    end(new PurchaseEvent.PartiallyDelivered(order.id(), codes.get().delivered().size(),
                            missing.values().stream().mapToInt(Integer::intValue).sum(), now()));
                    signal(purchase(), Stage.PARTIALLY_DELIVERED, PurchaseSignal.NO_DETAIL);
                    return done(new PurchaseResult.PartiallyDelivered(reference(), order, codes.get(), missing));
                }
            }
            String why = codes.isLeft() ? "fetching the codes (" + codes.getLeft().message() + ")"
                    : "codes are still missing against the request";
            return after(poll, Option.some(order), why, () -> {
                SupplierOrder now = codes.isRight()
                        ? ask("fetching the order", false, () -> supplier.findOrder(order.id())).getOrElse(order) : order;
                return codes(now, poll + 1);
            });
        }

        /**
         * Whether every code still missing against the request was sent but could not be read
         * (no code of its SKU still pending, none never listed): waiting would not bring them, so
         * the purchase ends partially delivered, the unreadable codes reported with their stock ids.
         */
        private static boolean onlyUnreadableMissing(Map<Sku, Integer> missing, OrderCodes codes) {
            Map<Sku, Integer> unreadable = new HashMap<>();
            Set<Sku> pending = new HashSet<>();
            for (SkuCodes sku : codes.skus()) {
                unreadable.merge(sku.sku(), sku.unreadable().size(), Integer::sum);
                if (sku.codes().stream().anyMatch(c -> c.status() == CodeStatus.PENDING)) {
                    pending.add(sku.sku());
                }
            }
            return missing.entrySet().stream().allMatch(m -> !pending.contains(m.getKey())
                    && unreadable.getOrDefault(m.getKey(), 0) >= m.getValue());
        }

        private Step fail(Option<SupplierOrder> order, String reason, Option<ProviderFailure> failure) {
            JournaledPurchase known = purchase();
            for (PurchaseEvent event : unwritten) {
                known = known.with(event);
            }
            boolean mayHaveBought = known.everInDoubt()
                    || failure.exists(f -> !f.provablyNotApplied()) && order.isEmpty();
            end(new PurchaseEvent.Failed(reason, mayHaveBought, now()));
            signal(purchase(), Stage.FAILED, failure.map(Outcome::of).getOrElse(PurchaseSignal.NO_DETAIL));
            return done(new PurchaseResult.Failed(reference(), order, reason, failure, mayHaveBought));
        }
    }

    /** Configuration of a {@link BuyCodes}. Not thread-safe; build once. */
    public static final class Builder {
        private final String name;
        private final CodeSupplier supplier;
        private final PurchaseJournal journal;
        private PollingPolicy policy = PollingPolicy.DEFAULT;
        private Waiting waiting = Waiting.real();
        private Duration settleTime;
        private Duration leaseFor = Duration.ofMinutes(2);
        private Duration recheckAfter = Duration.ofSeconds(30);
        private String owner = "vp-" + UUID.randomUUID();
        private VoucherportListener listener = VoucherportListener.none();

        private Builder(String name, CodeSupplier supplier, PurchaseJournal journal) {
            this.name = Require.identifier(name, "supplier name");
            this.supplier = Require.present(supplier, "supplier");
            this.journal = Require.present(journal, "journal");
        }

        /**
         * How to wait for an order to complete: poll intervals, backoff and the deadline after
         * which the purchase is answered as pending; default {@link PollingPolicy#DEFAULT}.
         *
         * @param policy how to poll the supplier, not null
         * @return this builder
         */
        public Builder policy(PollingPolicy policy) {
            this.policy = Require.present(policy, "polling policy");
            return this;
        }

        /**
         * Time as the purchase sees it: its clock, how it waits and its jitter; default
         * {@link Waiting#real()}. Replace it in tests to run in virtual time.
         *
         * @param waiting the clock and the way to wait, not null
         * @return this builder
         */
        public Builder waiting(Waiting waiting) {
            this.waiting = Require.present(waiting, "waiting");
            return this;
        }

        /**
         * How long after a doubt (an order whose placement had an unknown outcome) lookups by
         * reference must keep finding nothing before absence counts as proven and the order may be
         * placed again; default the supplier's {@link CodeSupplier#referenceLookupLag()}. Shorter
         * than the supplier's real lag risks a second order.
         *
         * @param settleTime how long to keep looking, not negative
         * @return this builder
         */
        public Builder settleTime(Duration settleTime) {
            this.settleTime = nonNegative(settleTime, "settle time");
            return this;
        }

        /**
         * How long a purchase stays leased to this instance without a journal write; default 2
         * minutes. Keep it longer than the longest single supplier call, so that a live instance
         * keeps it and no other instance drives the same purchase meanwhile.
         *
         * @param leaseFor the lease's length, at least 1 second; otherwise
         *     {@link IllegalArgumentException}
         * @return this builder
         */
        public Builder lease(Duration leaseFor) {
            Require.present(leaseFor, "lease");
            if (leaseFor.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("lease must be at least 1 second but was " + leaseFor);
            }
            this.leaseFor = leaseFor;
            return this;
        }

        /**
         * When a purchase left pending is due for {@link RecoverPurchases}; default 30 seconds
         * after it was left.
         *
         * @param recheckAfter how long after being left pending it is due, not negative
         * @return this builder
         */
        public Builder recheckAfter(Duration recheckAfter) {
            this.recheckAfter = nonNegative(recheckAfter, "recheck after");
            return this;
        }

        /**
         * This service instance's name in the journal's leases; default a random one per builder.
         * Give every instance its own: two instances under one name could drive the same purchase.
         *
         * @param owner this instance's owner name in the journal, not blank
         * @return this builder
         */
        public Builder owner(String owner) {
            this.owner = Require.text(owner, "owner");
            return this;
        }

        /**
         * Who hears each step of every purchase (a {@link PurchaseSignal}); guarded, so it never
         * changes a purchase. Default {@link VoucherportListener#none()}.
         *
         * @param purchaseListener who hears each purchase step, not null; its failures are logged
         *     (names only) and swallowed
         * @return this builder
         */
        public Builder listener(VoucherportListener purchaseListener) {
            this.listener = ListenerLog.guarded(Require.present(purchaseListener, "listener"));
            return this;
        }

        /** {@return a thread-safe buyer with these settings, to share across the application} */
        public BuyCodes build() {
            return new BuyCodes(this);
        }

        private static Duration nonNegative(Duration d, String field) {
            Require.present(d, field);
            if (d.isNegative()) {
                throw new IllegalArgumentException(field + " must not be negative but was " + d);
            }
            return d;
        }
    }
}
