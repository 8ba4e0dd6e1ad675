package com.axpay.payments;

import com.axpay.kit.Lazy;
import com.axpay.kit.ProcessRoot;

/**
 * The payment use cases of a Lambda process, on its one {@link ProcessRoot} (and so its one priming hook, which
 * rehearses the function's handler by {@link PaymentsRehearsal}).
 */
public final class ProcessWiring {

    private static final Lazy<PaymentsWiring> WIRING = new Lazy<>(() -> {
        ProcessRoot.rehearseWith(new PaymentsRehearsal());
        return new PaymentsWiring(ProcessRoot.get());
    });

    private ProcessWiring() {
    }

    public static PaymentsWiring get() {
        return WIRING.get();
    }
}
