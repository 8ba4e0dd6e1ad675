package com.axpay.simulator;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so an embedded simulator never keeps a test JVM alive. */
final class Threads {
    private Threads() {}

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "axerve-sim-" + prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
