package com.axpay.payments.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class on one {@link PaymentStack}: started before its first test, closed after its last, and put back to its
 * defaults after each test so that a test's faults or notification settings never leak into the next. A subclass's
 * own {@code @BeforeAll} (named differently) runs after the stack is up.
 */
public abstract class WithPaymentStack {

    protected static PaymentStack stack;

    @BeforeAll
    static void startPaymentStack() {
        stack = PaymentStack.start();
    }

    @AfterEach
    void restorePaymentStack() {
        stack.restoreDefaults();
    }

    @AfterAll
    static void closePaymentStack() {
        if (stack != null) { // null when the start failed: that failure is the one to report
            stack.close();
            stack = null; // the next class's start, if it fails, must not find this closed stack
        }
    }
}
