package io.voucherport.domain;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Where an OAuth client (Shoplazza's) keeps its refresh token. Every refresh returns a new refresh
 * token that replaces the old one (which stops working), so a service that must survive restarts,
 * or runs several instances, plugs in a durable store (e.g. the JDBC one); {@link #inMemory} is
 * for one process and tests.
 *
 * <p>Implementations are thread-safe; {@link #rotated} is a compare-and-set: it replaces the token
 * only when {@code previous} is still the current one, so a late writer never puts back a token
 * that was already exchanged. A store that fails throws; the caller reports that as a failure.
 * Implementations never print a token ({@link Secret} masks itself).
 */
public interface RefreshTokenStore {

    /** {@return the refresh token to use next} */
    Secret current();

    /**
     * Records that {@code previous} was exchanged and {@code next} replaces it (only if {@code previous} is current).
     *
     * @param previous the token the caller just exchanged (read from {@link #current()}), not null
     * @param next the new refresh token the provider returned with it, not null; stored only when
     *     {@code previous} is still current
     */
    void rotated(Secret previous, Secret next);

    /**
     * {@return a store in this process's memory, starting from {@code initial}}
     *
     * @param initial the refresh token to start from, not null (a secret: never printed)
     */
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
