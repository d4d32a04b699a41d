package io.voucherport.spring.boot.autoconfigure;

import io.vavr.control.Either;
import io.voucherport.domain.failure.ProviderFailure;
import io.voucherport.domain.paging.PagedSequence;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A provider's health: one read call that needs the credentials (a balance, the first page of a
 * listing) — never a call that buys or changes anything. Up when it answers; down with the failure's
 * type, HTTP status and message (which never hold a secret) when it does not: {@code AccessDenied}
 * for refused credentials, {@code Unavailable} for an unreachable provider.
 */
final class ProviderHealthIndicator implements HealthIndicator {

    private final String provider;
    private final Supplier<Either<ProviderFailure, ?>> probe;

    ProviderHealthIndicator(String provider, Supplier<Either<ProviderFailure, ?>> probe) {
        this.provider = provider;
        this.probe = probe;
    }

    /** A probe reading the first item of {@code listing} (one page, nothing fetched ahead), if any. */
    static <T> Either<ProviderFailure, ?> firstOf(Supplier<PagedSequence<T>> listing) {
        try (Stream<Either<ProviderFailure, T>> items = listing.get().withPrefetch(1).stream()) {
            return items.findFirst().<Either<ProviderFailure, ?>>map(item -> item).orElse(Either.right("empty"));
        }
    }

    @Override
    public Health health() {
        Either<ProviderFailure, ?> answer = probe.get();
        if (answer.isRight()) {
            return Health.up().withDetail("provider", provider).build();
        }
        ProviderFailure failure = answer.getLeft();
        Health.Builder down = Health.down().withDetail("provider", provider)
                .withDetail("failure", failure.getClass().getSimpleName())
                .withDetail("message", failure.details().message());
        failure.details().httpStatus().forEach(status -> down.withDetail("httpStatus", status));
        return down.build();
    }

    @Override
    public String toString() {
        return "ProviderHealthIndicator[" + provider + "]";
    }
}
