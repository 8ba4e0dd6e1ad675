package com.axpay.recurring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class on one {@link RecurringStack}, started before its first test and closed after its last. A subclass's
 * own {@code @BeforeAll} (named differently) runs after the stack is up.
 */
abstract class WithRecurringStack {

    static RecurringStack s;

    @BeforeAll
    static void startRecurringStack() {
        s = RecurringStack.start();
    }

    @AfterAll
    static void closeRecurringStack() {
        if (s != null) { // null when the start failed: that failure is the one to report
            s.close();
            s = null; // the next class's start, if it fails, must not find this closed stack
        }
    }
}
