package io.voucherport.application.purchase;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.supply.CodeSupplier;
import io.voucherport.domain.supply.OrderCodes;
import io.voucherport.domain.supply.OrderLine;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.SupplierOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Buys codes from one supplier exactly once and waits for them.
 *
 * <p>{@link #prepare} gives the purchase its reference <em>before any call</em>: store it, then
 * {@link #buy}. The reference is the supplier's idempotency key, and the purchase follows one
 * rule: <b>after an outcome-unknown failure, look the order up by reference before anything
 * else</b>, and place again only when the supplier provably has no such order. So for one
 * reference there is never more than one purchase, whatever fails and whenever — also across
 * processes: {@link #resume} after a crash looks the order up first and places it only if it
 * provably does not exist.
 *
 * <p>Waiting follows the {@link PollingPolicy} (exponential backoff with jitter, capped, with an
 * overall deadline), in the time given by {@link Waiting}; {@link #buyAsync} blocks no thread
 * while it waits. Results tell apart delivered, partially delivered, failed (with whether anything
 * could have been bought) and pending at the deadline (resumable). Thread-safe.
 */
public final class BuyCodes {

    /** How often a purchase is placed again after it provably did not take effect. */
    public static final int MAX_PLACEMENTS = 3;

    private final CodeSupplier supplier;
    private final PollingPolicy policy;
    private final Waiting waiting;

    /** A use case buying from {@code supplier}. */
    public BuyCodes(CodeSupplier supplier, PollingPolicy policy, Waiting waiting) {
        this.supplier = Require.present(supplier, "supplier");
        this.policy = Require.present(policy, "polling policy");
        this.waiting = Require.present(waiting, "waiting");
    }

    /** A request with a fresh reference: store the reference before calling {@link #buy}. */
    public static OrderRequest prepare(List<OrderLine> lines, Option<CurrencyCode> settlementCurrency) {
        return new OrderRequest(OrderReference.generate(), lines, settlementCurrency);
    }

    /** Places the order, waits for it by the policy, and fetches its codes; blocks while waiting. */
    public PurchaseResult buy(OrderRequest request) {
        Require.present(request, "request");
        return runBlocking(new Run(request).place(1));
    }

    /** {@link #buy} without blocking a thread while waiting (the supplier calls themselves still block). */
    public CompletableFuture<PurchaseResult> buyAsync(OrderRequest request) {
        Require.present(request, "request");
        CompletableFuture<PurchaseResult> result = new CompletableFuture<>();
        waiting.later().run(Duration.ZERO, () -> runAsync(() -> new Run(request).place(1), result));
        return result;
    }

    /**
     * Picks up the purchase with this request's reference after a crash or restart: looks the
     * order up first, waits for it when it exists, and places it only when the supplier provably
     * has none.
     */
    public PurchaseResult resume(OrderRequest request) {
        Require.present(request, "request");
        return runBlocking(new Run(request).lookUp(0, 0));
    }

    /** {@link #resume} without blocking a thread while waiting. */
    public CompletableFuture<PurchaseResult> resumeAsync(OrderRequest request) {
        Require.present(request, "request");
        CompletableFuture<PurchaseResult> result = new CompletableFuture<>();
        waiting.later().run(Duration.ZERO, () -> runAsync(() -> new Run(request).lookUp(0, 0), result));
        return result;
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

    private void runAsync(Supplier<Step> next, CompletableFuture<PurchaseResult> result) {
        try {
            Step step = next.get();
            if (step instanceof Step.Wait wait) {
                waiting.later().run(wait.delay(), () -> runAsync(wait.then(), result));
            } else {
                result.complete(((Step.Done) step).result());
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    /** One step of a purchase: done, or wait and continue. */
    private sealed interface Step {
        record Done(PurchaseResult result) implements Step {
        }

        /** Wait {@code delay}, then continue; {@code interrupted} is the result when the wait is cut short. */
        record Wait(Duration delay, Supplier<Step> then, Supplier<PurchaseResult> interrupted) implements Step {
        }
    }

    /** The state of one purchase. */
    private final class Run {
        private final OrderRequest request;
        private final Instant deadline;

        Run(OrderRequest request) {
            this.request = request;
            this.deadline = waiting.clock().instant().plus(policy.deadline());
        }

        private OrderReference reference() {
            return request.reference();
        }

        private boolean pastDeadline(Duration wait) {
            return waiting.clock().instant().plus(wait).isAfter(deadline);
        }

        private Step done(PurchaseResult result) {
            return new Step.Done(result);
        }

        private PurchaseResult.Pending pendingResult(Option<SupplierOrder> order, String reason) {
            return new PurchaseResult.Pending(reference(), order.map(SupplierOrder::id), order.map(SupplierOrder::status),
                    reason);
        }

        private Step pending(Option<SupplierOrder> order, String reason) {
            return done(pendingResult(order, reason));
        }

        /** Waits {@code delay} then goes on, or ends pending when the wait would pass the deadline. */
        private Step after(int poll, Option<SupplierOrder> order, String waitingFor, Supplier<Step> then) {
            Duration delay = policy.delayBefore(poll, waiting.random());
            if (pastDeadline(delay)) {
                return pending(order, "deadline reached while " + waitingFor);
            }
            return new Step.Wait(delay, then, () -> pendingResult(order, "interrupted while " + waitingFor));
        }

        Step place(int placement) {
            Either<ProviderFailure, SupplierOrder> placed = supplier.place(request);
            if (placed.isRight()) {
                return await(placed.get(), 0);
            }
            ProviderFailure failure = placed.getLeft();
            if (failure instanceof ProviderFailure.DuplicateReference duplicate) {
                return duplicate.existing().isDefined() ? await(duplicate.existing().get(), 0) : lookUp(placement, 0);
            }
            if (failure instanceof ProviderFailure.OutcomeUnknown) {
                return lookUp(placement, 0);
            }
            if (failure.isTransient() && failure.provablyNotApplied() && placement < MAX_PLACEMENTS) {
                return after(placement - 1, Option.none(), "the supplier was unavailable (" + failure.message() + ")",
                        () -> place(placement + 1));
            }
            return done(new PurchaseResult.Failed(reference(), Option.none(), "the supplier refused the purchase: "
                    + failure.message(), Option.some(failure)));
        }

        /** After doubt: the order by reference, before anything else. */
        Step lookUp(int placements, int attempt) {
            Either<ProviderFailure, Option<SupplierOrder>> found = supplier.findOrderByReference(reference());
            if (found.isLeft()) {
                return after(attempt, Option.none(), "looking the order up by reference ("
                        + found.getLeft().message() + ")", () -> lookUp(placements, attempt + 1));
            }
            if (found.get().isDefined()) {
                return await(found.get().get(), 0);
            }
            if (placements >= MAX_PLACEMENTS) {
                return pending(Option.none(), "no order with this reference after " + placements + " placements");
            }
            return place(placements + 1);
        }

        Step await(SupplierOrder order, int poll) {
            OrderStatus status = order.status();
            if (status.mayHaveCodes()) {
                return codes(order, 0);
            }
            if (status.isTerminal()) {
                return done(new PurchaseResult.Failed(reference(), Option.some(order), "the order ended " + status,
                        Option.none()));
            }
            return after(poll, Option.some(order), "the order is " + status, () -> {
                Either<ProviderFailure, SupplierOrder> now = supplier.findOrder(order.id());
                return await(now.getOrElse(order), poll + 1);
            });
        }

        Step codes(SupplierOrder order, int poll) {
            Either<ProviderFailure, OrderCodes> codes = supplier.fetchCodes(order.id());
            if (codes.isRight() && codes.get().isComplete()) {
                return done(new PurchaseResult.Delivered(reference(), order, codes.get()));
            }
            if (codes.isRight() && order.status() == OrderStatus.PARTIALLY_COMPLETED) {
                return done(new PurchaseResult.PartiallyDelivered(reference(), order, codes.get(), codes.get().shortfall()));
            }
            String why = codes.isLeft() ? "fetching the codes (" + codes.getLeft().message() + ")"
                    : "codes are still pending";
            return after(poll, Option.some(order), why, () -> codes(order, poll + 1));
        }
    }
}
