package io.voucherport.adapter.support;

import io.vavr.control.Option;
import io.voucherport.domain.Require;
import io.voucherport.domain.supply.OrderReference;

/**
 * What a call to a provider does, as the request path needs to know it: its name (for failures,
 * logs and metrics), whether it changes something (then it is made once and never retried, and any
 * doubt after sending is {@code OutcomeUnknown}), and — when it places an order — the caller's
 * reference, so that the error classifier can recognise a duplicate of it.
 *
 * @param name what the call does, e.g. {@code "catalog"} or {@code "place"}
 * @param changesSomething whether the call may change state at the provider
 * @param placing the reference of the order being placed; none for every other call
 */
public record Operation(String name, boolean changesSomething, Option<OrderReference> placing) {

    /**
     * Validates.
     *
     * @param name what the call does, e.g. {@code "catalog"} or {@code "place"}
     * @param changesSomething whether the call may change state at the provider
     * @param placing the reference of the order being placed; none for every other call
     */
    public Operation {
        Require.text(name, "operation name");
        Require.present(placing, "placing");
        if (placing.isDefined() && !changesSomething) {
            throw new IllegalArgumentException("placing an order changes something");
        }
    }

    /**
     * {@return a safe call: it changes nothing, so it may be retried}
     *
     * @param name what the call does, e.g. {@code "catalog"} or {@code "place"}
     */
    public static Operation read(String name) {
        return new Operation(name, false, Option.none());
    }

    /**
     * {@return a call that changes something: made once, never retried blindly}
     *
     * @param name what the call does, e.g. {@code "catalog"} or {@code "place"}
     */
    public static Operation write(String name) {
        return new Operation(name, true, Option.none());
    }

    /**
     * Placing the order with {@code reference} (the caller's idempotency key): a write.
     *
     * @param reference the caller's reference the order is placed under, not null; kept so that an
     *     error classifier can turn a duplicate refusal into {@code DuplicateReference}
     * @return a write named {@code "place"}, never retried, any doubt after sending being
     *     {@code OutcomeUnknown}
     */
    public static Operation placing(OrderReference reference) {
        return new Operation("place", true, Option.some(Require.present(reference, "reference")));
    }
}
