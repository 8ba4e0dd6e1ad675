package com.axpay.payments;

/**
 * The one {@link PaymentsWiring} of a Lambda process, built from the environment on first use (the handler's
 * no-arg constructor, i.e. during init; no secret is read then). Its {@link SnapStartHooks} prime it before the
 * snapshot and drop cached secrets around it.
 */
public final class ProcessWiring {

    private static volatile PaymentsWiring wiring;
    private static SnapStartHooks hooks;

    private ProcessWiring() {
    }

    public static PaymentsWiring get() {
        PaymentsWiring w = wiring;
        if (w == null) {
            synchronized (ProcessWiring.class) {
                w = wiring;
                if (w == null) {
                    w = PaymentsWiring.fromEnvironment(System.getenv());
                    hooks = SnapStartHooks.register("Payments", w::prime, w.config().secrets());
                    wiring = w;
                }
            }
        }
        return w;
    }

    /** The process's SnapStart hooks (null before the first {@link #get()}). */
    public static SnapStartHooks hooks() {
        return hooks;
    }
}
