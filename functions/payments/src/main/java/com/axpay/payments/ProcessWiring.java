package com.axpay.payments;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The one {@link PaymentsWiring} of a Lambda process, built from the environment on first use (the handler's
 * no-arg constructor, i.e. during init). Registered with CRaC so SnapStart takes its snapshot after a priming read.
 */
public final class ProcessWiring {

    private static volatile PaymentsWiring wiring;
    /** CRaC holds resources weakly: this reference keeps the priming hook alive. */
    private static Resource priming;

    private ProcessWiring() {
    }

    public static PaymentsWiring get() {
        PaymentsWiring w = wiring;
        if (w == null) {
            synchronized (ProcessWiring.class) {
                w = wiring;
                if (w == null) {
                    w = PaymentsWiring.fromEnvironment(System.getenv());
                    priming = new Priming(w);
                    Core.getGlobalContext().register(priming);
                    wiring = w;
                }
            }
        }
        return w;
    }

    private record Priming(PaymentsWiring wiring) implements Resource {
        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            wiring.prime();
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // nothing to refresh: clients reconnect on demand and credentials come from the restored environment
        }
    }
}
