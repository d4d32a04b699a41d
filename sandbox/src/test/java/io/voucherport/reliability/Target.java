package io.voucherport.reliability;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.testkit.sim.SimFault;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * One endpoint of one adapter, as the matrix drives it.
 *
 * @param adapter the adapter's name
 * @param endpoint the endpoint's name
 * @param safe whether the call is a safe read (retried) or changes something (never retried)
 * @param authStatus the status the provider answers a rejected credential with
 * @param renewsTokens whether the adapter renews a rejected token once (so an auth fault costs two requests)
 * @param inject queues a fault on this endpoint
 * @param requests how many requests reached this endpoint so far
 * @param clear drops queued faults
 * @param call the call through the adapter's public API
 */
record Target(String adapter, String endpoint, boolean safe, int authStatus, boolean renewsTokens,
        Consumer<SimFault> inject, IntSupplier requests, Runnable clear, Supplier<Either<ProviderFailure, ?>> call) {

    String name() {
        return adapter + " " + endpoint;
    }
}
