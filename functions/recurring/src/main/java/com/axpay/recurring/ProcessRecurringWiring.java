package com.axpay.recurring;

import com.axpay.payments.SnapStartHooks;

/**
 * The one {@link RecurringWiring} of a Lambda process, built from the environment on first use (during init; no
 * secret is read then), with the same {@link SnapStartHooks} as the payment functions.
 */
public final class ProcessRecurringWiring {

    private static volatile RecurringWiring wiring;
    private static SnapStartHooks hooks;

    private ProcessRecurringWiring() {
    }

    public static RecurringWiring get() {
        RecurringWiring w = wiring;
        if (w == null) {
            synchronized (ProcessRecurringWiring.class) {
                w = wiring;
                if (w == null) {
                    w = RecurringWiring.fromEnvironment(System.getenv());
                    hooks = SnapStartHooks.register("Recurring", w::prime, w.config().secrets());
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
