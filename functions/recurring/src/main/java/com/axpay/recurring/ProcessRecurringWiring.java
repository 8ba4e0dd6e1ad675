package com.axpay.recurring;

import com.axpay.kit.Lazy;
import com.axpay.kit.ProcessRoot;

/**
 * The recurring use cases of a Lambda process, on its one {@link ProcessRoot} (and so its one priming hook, which
 * primes the function's handler with {@link RecurringHandlerPriming}).
 */
public final class ProcessRecurringWiring {

    private static final Lazy<RecurringWiring> WIRING = new Lazy<>(() -> {
        ProcessRoot.primeHandlerWith(new RecurringHandlerPriming());
        return RecurringWiring.fromEnvironment(ProcessRoot.get(), System.getenv());
    });

    private ProcessRecurringWiring() {
    }

    public static RecurringWiring get() {
        return WIRING.get();
    }
}
