package io.voucherport.adapter.giftcard;

import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.voucherport.adapter.support.MalformedAnswerException;
import io.voucherport.adapter.support.Operation;
import io.voucherport.adapter.support.ProviderClient;
import io.voucherport.domain.Require;
import io.voucherport.domain.failure.FailureDetails;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.money.CurrencyCode;
import io.voucherport.domain.supply.OrderReference;
import io.voucherport.domain.supply.OrderReferenceStore;
import io.voucherport.domain.supply.OrderRequest;
import io.voucherport.domain.supply.OrderStatus;
import io.voucherport.domain.supply.SupplierOrder;
import io.voucherport.domain.supply.SupplierOrderId;
import java.util.List;
import java.util.function.Supplier;

/**
 * Placing a GiftHub order, and finding it again by its reference. GiftHub orders in two steps and
 * has no lookup by reference, so:
 *
 * <ol>
 *   <li>a reference the {@link OrderReferenceStore} has bound is refused as
 *       {@code DuplicateReference} (with the existing order when it carries the reference); one the
 *       store cannot tell about is placed (the caller chose the store);</li>
 *   <li><b>create</b> (the reference sent as GiftHub's {@code reference}) buys nothing: a create
 *       without answer is {@code Unavailable}, nothing bought;</li>
 *   <li>the new order id is <b>bound</b> to the reference in the store, before paying;</li>
 *   <li><b>confirm</b> pays and is sent once: after a timeout or dropped connection the order is
 *       retrieved and its state decides (confirmed or later: placed; still created:
 *       {@code OutcomeUnknown}, never confirmed again). A confirm refused provably unapplied (e.g.
 *       {@code Expired}: 419 after {@code expiresAt}) frees the reference.</li>
 * </ol>
 *
 * <p>Lookups by reference are answered from the store; "no order" only when it proves the
 * reference unbound. Thread-safe as the store is.
 */
final class GiftHubPlacement {

    private final ProviderClient<GiftHubApi> client;
    private final GiftHubCatalog catalog;
    private final OrderReferenceStore references;
    private final CurrencyCode wallet;
    private final Option<String> webhookUrl;
    private final GiftHubMapper map = GiftHubMapper.INSTANCE;

    /**
     * @param wallet the wallet paid from when a request names no settlement currency
     * @param webhookUrl where GiftHub posts deliveries, when wanted
     */
    GiftHubPlacement(ProviderClient<GiftHubApi> client, GiftHubCatalog catalog, OrderReferenceStore references,
            CurrencyCode wallet, Option<String> webhookUrl) {
        this.client = Require.present(client, "client");
        this.catalog = Require.present(catalog, "catalog");
        this.references = Require.present(references, "reference store");
        this.wallet = Require.present(wallet, "wallet");
        this.webhookUrl = Require.present(webhookUrl, "webhook url");
    }

    /** Create, bind, confirm; see the class comment. */
    Either<ProviderFailure, SupplierOrder> place(OrderRequest request) {
        Option<ProviderFailure> overLimit = catalog.overLimit(request);
        if (overLimit.isDefined()) {
            return Either.left(overLimit.get());
        }
        OrderReference reference = request.reference();
        Option<String> unkept = unkept(reference.value());
        if (unkept.isDefined()) {
            return Either.left(client.refusal(unkept.get()));
        }
        Either<ProviderFailure, OrderReferenceStore.Binding> known = store(() -> references.find(reference));
        if (known.isLeft()) {
            return Either.left(known.getLeft());
        }
        if (known.get() instanceof OrderReferenceStore.Binding.Bound bound) {
            return Either.left(duplicate(reference, bound.id()));
        }
        // Unbound, or Unknown: the caller chose this store, so what it cannot tell was not bound by us
        Either<ProviderFailure, List<GiftHubCatalog.Line>> lines = catalog.price(request.lines());
        if (lines.isLeft()) {
            return Either.left(lines.getLeft());
        }
        GiftHubDto.CreateOrderRequest create = map.createOrder(lines.get(),
                request.settlementCurrency().getOrElse(wallet), reference, webhookUrl);
        Either<ProviderFailure, GiftHubDto.CreatedOrder> created =
                client.call(Operation.placing(reference), api -> withId(GiftHubDto.data(api.createOrder(create))));
        if (created.isLeft()) {
            return Either.left(nothingBought(created.getLeft()));
        }
        SupplierOrderId id = map.orderId(created.get().id());
        Either<ProviderFailure, SupplierOrderId> bound = store(() -> references.bindIfAbsent(reference, id));
        if (bound.isLeft()) {
            return Either.left(bound.getLeft());
        }
        if (!bound.get().equals(id)) {
            return Either.left(duplicate(reference, bound.get()));
        }
        Either<ProviderFailure, GiftHubDto.Confirmed> confirmed =
                client.write("confirm", api -> GiftHubDto.data(api.confirmOrder(map.confirm(id))));
        if (confirmed.isRight()) {
            // paid: an answer the domain cannot read must not become an exception; the order is read back instead
            Try<SupplierOrder> placed = Try.of(() -> map.placed(id, request, created.get(), confirmed.get()));
            return placed.isSuccess() ? Either.right(placed.get()) : reconcile(id, new ProviderFailure.OutcomeUnknown(
                    FailureDetails.of(GiftHubSupplier.PROVIDER, "order " + id + " was confirmed but the answer could"
                            + " not be read (" + placed.getCause().getClass().getSimpleName() + ")")));
        }
        ProviderFailure failure = confirmed.getLeft();
        if (failure instanceof ProviderFailure.OutcomeUnknown) {
            return reconcile(id, failure);
        }
        if (failure.provablyNotApplied()) {
            store(() -> {
                references.release(reference, id);
                return id;
            });
        }
        return Either.left(failure);
    }

    /**
     * Answered from the store: none only when it proves the reference unbound; the bound order as
     * it stands when GiftHub's {@code reference} on it is exactly this one. Failures:
     * {@code Unavailable} when the store cannot tell (or fails) or GiftHub does not find the bound
     * order (yet), {@code UnexpectedResponse} when the bound order carries another reference, and
     * the usual read failures.
     */
    Either<ProviderFailure, Option<SupplierOrder>> findByReference(OrderReference reference) {
        return store(() -> references.find(reference)).flatMap(binding -> {
            if (binding instanceof OrderReferenceStore.Binding.Bound bound) {
                return boundOrder(reference, bound.id());
            }
            if (binding instanceof OrderReferenceStore.Binding.Unknown unknown) {
                return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(GiftHubSupplier.PROVIDER,
                        "the order reference store cannot tell whether reference " + reference + " was placed ("
                                + unknown.why() + "); plug a durable store to resume purchases placed by another"
                                + " process"), Option.none()));
            }
            return Either.right(Option.none());   // Unbound: the store proves it was never placed
        });
    }

    private Either<ProviderFailure, Option<SupplierOrder>> boundOrder(OrderReference reference, SupplierOrderId id) {
        Either<ProviderFailure, SupplierOrder> found = retrieve(id);
        if (found.isLeft()) {
            ProviderFailure failure = found.getLeft();
            return Either.left(failure instanceof ProviderFailure.NotFound
                    ? new ProviderFailure.Unavailable(new FailureDetails(GiftHubSupplier.PROVIDER, failure.httpStatus(),
                            failure.requestId(), "reference " + reference + " is bound to GiftHub order " + id
                                    + " but GiftHub does not find it (yet): not proof that nothing was bought ("
                                    + failure.message() + ")", failure.details().attempts()), Option.none())
                    : failure);
        }
        Option<OrderReference> carried = found.get().reference();
        if (!carried.contains(reference)) {
            return Either.left(new ProviderFailure.UnexpectedResponse(FailureDetails.of(GiftHubSupplier.PROVIDER,
                    "reference " + reference + " is bound to GiftHub order " + id + " but that order carries "
                            + carried.map(r -> "reference " + r).getOrElse("no reference") + "; not used")));
        }
        return Either.right(Option.some(found.get()));
    }

    /** After confirm got no answer: the order's state decides; it is never confirmed twice. */
    private Either<ProviderFailure, SupplierOrder> reconcile(SupplierOrderId id, ProviderFailure unknown) {
        Either<ProviderFailure, SupplierOrder> now = retrieve(id);
        if (now.isLeft()) {
            return Either.left(unknown);
        }
        if (now.get().status() != OrderStatus.CREATED) {
            return now;
        }
        return Either.left(new ProviderFailure.OutcomeUnknown(new FailureDetails(GiftHubSupplier.PROVIDER,
                unknown.httpStatus(), unknown.requestId(), "confirming order " + id + " got no answer and it is still"
                        + " created; it was not confirmed again: look it up by its reference later ("
                        + unknown.message() + ")", 1)));
    }

    /**
     * A create that may have reached GiftHub without answer bought nothing: nothing is paid before
     * confirm, and the order it may have created is never confirmed. Other failures as they are.
     */
    private static ProviderFailure nothingBought(ProviderFailure failure) {
        if (failure instanceof ProviderFailure.OutcomeUnknown unknown) {
            return new ProviderFailure.Unavailable(new FailureDetails(GiftHubSupplier.PROVIDER, unknown.httpStatus(),
                    unknown.requestId(), "creating the order got no answer; nothing is paid before confirm, so"
                            + " nothing was bought (" + unknown.message() + ")", 1), Option.none());
        }
        return failure;
    }

    /** A refusal of {@code reference}, enriched with its order when that order carries the reference. */
    private ProviderFailure duplicate(OrderReference reference, SupplierOrderId existing) {
        return new ProviderFailure.DuplicateReference(FailureDetails.of(GiftHubSupplier.PROVIDER,
                "reference " + reference + " was already placed as GiftHub order " + existing), reference,
                retrieve(existing).toOption().filter(order -> order.reference().contains(reference)));
    }

    /**
     * Why GiftHub would not keep {@code reference} exactly as sent, if so: longer than
     * {@link GiftHubSupplier#MAX_REFERENCE_LENGTH} characters, or holding a control, format or
     * line-separator character or an unpaired surrogate (text that does not round-trip through
     * GiftHub's JSON unchanged; the order is found again by comparing it exactly).
     */
    static Option<String> unkept(String reference) {
        String limit = "GiftHub takes a reference of at most " + GiftHubSupplier.MAX_REFERENCE_LENGTH
                + " characters without control, format or line-separator characters";
        if (reference.length() > GiftHubSupplier.MAX_REFERENCE_LENGTH) {
            return Option.some(limit + " but it has " + reference.length() + "; nothing was sent");
        }
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            int type = Character.getType(c);
            boolean unpaired = Character.isHighSurrogate(c)
                    ? i + 1 >= reference.length() || !Character.isLowSurrogate(reference.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (unpaired || Character.isISOControl(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return Option.some(limit + " but it has one at position " + (i + 1) + "; nothing was sent");
            }
        }
        return Option.none();
    }

    /** Create's answer, which must name the new order by an id the domain accepts. */
    private GiftHubDto.CreatedOrder withId(GiftHubDto.CreatedOrder answer) {
        map.orderId(MalformedAnswerException.require(answer.id(), "order id"));
        return answer;
    }

    private Either<ProviderFailure, SupplierOrder> retrieve(SupplierOrderId id) {
        return client.read("order", api -> map.order(new GiftHubMapper.Retrieved(id,
                GiftHubDto.read(GiftHubDto.data(api.order(id.value())), GiftHubDto.Order.class))));
    }

    /** Runs a reference-store operation; a store failure is {@code Unavailable} (nothing was bought by it). */
    private static <T> Either<ProviderFailure, T> store(Supplier<T> operation) {
        try {
            return Either.right(operation.get());
        } catch (RuntimeException e) {
            return Either.left(new ProviderFailure.Unavailable(FailureDetails.of(GiftHubSupplier.PROVIDER,
                    "the order reference store failed (" + e.getClass().getSimpleName() + ")"), Option.none()));
        }
    }
}
