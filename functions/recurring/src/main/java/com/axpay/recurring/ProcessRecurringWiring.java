package com.axpay.recurring;

import com.axpay.kit.Lazy;
import com.axpay.kit.ProcessRoot;

/**
 * The recurring use cases of a Lambda process, on its one {@link ProcessRoot} (and so its one priming hook, which
 * rehearses the function's handler by {@link RecurringRehearsal}).
 */
public final class ProcessRecurringWiring {

    private static final Lazy<RecurringWiring> WIRING = new Lazy<>(() -> {
        ProcessRoot.rehearseWith(new RecurringRehearsal());
        return RecurringWiring.fromEnvironment(ProcessRoot.get(), System.getenv());
    });

    private ProcessRecurringWiring() {
    }

    public static RecurringWiring get() {
        return WIRING.get();
    }
}
