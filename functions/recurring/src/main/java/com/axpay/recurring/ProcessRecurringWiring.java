package com.axpay.recurring;

/** The one {@link RecurringWiring} of a Lambda process, built from the environment on first use (during init). */
public final class ProcessRecurringWiring {

    private static volatile RecurringWiring wiring;

    private ProcessRecurringWiring() {
    }

    public static RecurringWiring get() {
        RecurringWiring w = wiring;
        if (w == null) {
            synchronized (ProcessRecurringWiring.class) {
                w = wiring;
                if (w == null) {
                    w = RecurringWiring.fromEnvironment(System.getenv());
                    wiring = w;
                }
            }
        }
        return w;
    }
}
