package io.voucherport.adapter.discounts;

import io.voucherport.domain.Require;
import io.voucherport.domain.Secret;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where {@link ShoplazzaOAuth} keeps the refresh token. Every refresh returns a new refresh token
 * that replaces the old one (which stops working), so a service that must survive restarts plugs
 * in a durable store. Implementations are thread-safe.
 */
public interface RefreshTokenStore {

    /** The refresh token to use next. */
    Secret current();

    /** Records that {@code previous} was exchanged and {@code next} replaces it. */
    void rotated(Secret previous, Secret next);

    /** A store in this process's memory, starting from {@code initial}. */
    static RefreshTokenStore inMemory(Secret initial) {
        AtomicReference<Secret> current = new AtomicReference<>(Require.present(initial, "refresh token"));
        return new RefreshTokenStore() {
            @Override
            public Secret current() {
                return current.get();
            }

            @Override
            public void rotated(Secret previous, Secret next) {
                current.compareAndSet(previous, Require.present(next, "refresh token"));
            }

            @Override
            public String toString() {
                return "RefreshTokenStore.inMemory[****]";
            }
        };
    }
}
