package io.voucherport.spring.boot.autoconfigure;

import io.voucherport.application.purchase.RecoverPurchases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@link RecoverPurchases} when the application starts and then every interval, on a scheduler
 * thread of its own ({@code voucherport-recovery}), so start-up is not held up by purchases waiting
 * for their suppliers. Stopped first when the application stops: the scheduler is shut down and a
 * pass in progress is interrupted; what it left unfinished stays in the journal for the next start
 * or another instance (never bought twice).
 */
final class PurchaseRecoveryRunner implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PurchaseRecoveryRunner.class);

    private final RecoverPurchases recovery;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> passes;

    PurchaseRecoveryRunner(RecoverPurchases recovery, Duration interval) {
        this.recovery = recovery;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("voucherport.purchase.recovery.interval must be positive but was " + interval);
        }
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "voucherport-recovery");
            thread.setDaemon(true);
            return thread;
        });
        passes = recovery.start(scheduler, interval);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        passes.cancel(true);
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("purchase recovery did not stop within 10 s; what it left"
                        + " unfinished is resumed by the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
        passes = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public String toString() {
        return "PurchaseRecoveryRunner[every " + interval + "]";
    }
}
