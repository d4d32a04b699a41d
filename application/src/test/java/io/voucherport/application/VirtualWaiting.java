package io.voucherport.application;

import io.voucherport.application.purchase.Waiting;
import io.voucherport.testkit.time.VirtualTime;

/** The use cases' {@link Waiting} on the testkit's {@link VirtualTime}. */
public final class VirtualWaiting {

    private VirtualWaiting() {
    }

    /**
     * The use cases' view of {@code time}: its clock, its blocking and asynchronous waits, its fixed jitter.
     *
     * @param time the virtual time
     * @return a waiting running in {@code time}
     */
    public static Waiting of(VirtualTime time) {
        return new Waiting(time.clock(), time::sleep, time::later, time::jitter);
    }
}
