package com.axpay.payments;

import com.axpay.kit.Lazy;
import com.axpay.kit.ProcessRoot;

/**
 * The payment use cases of a Lambda process, on its one {@link ProcessRoot} (and so its one priming hook, which
 * primes the function's handler with {@link PaymentsHandlerPriming}).
 */
public final class ProcessWiring {

    private static final Lazy<PaymentsWiring> WIRING = new Lazy<>(() -> {
        ProcessRoot.primeHandlerWith(new PaymentsHandlerPriming());
        return new PaymentsWiring(ProcessRoot.get());
    });

    private ProcessWiring() {
    }

    public static PaymentsWiring get() {
        return WIRING.get();
    }
}
