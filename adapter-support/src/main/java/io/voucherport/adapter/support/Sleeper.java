package io.voucherport.adapter.support;

import java.time.Duration;

/** Waits between retries; replaced in tests so that they run in virtual time. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps with {@link Thread#sleep}. */
    Sleeper THREAD = d -> Thread.sleep(d.toMillis());

    /**
     * Waits {@code duration}.
     *
     * @param duration how long to wait (not negative)
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
