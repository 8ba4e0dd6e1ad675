package com.axpay.kit.priming;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Priming the handler method's accessor never runs a handler, whatever its entry points. */
class HandlerMethodsTest {

    static final AtomicInteger CALLS = new AtomicInteger();

    public static final class CountingHandler {
        public void handleRequest(InputStream in, OutputStream out, Object context) {
            CALLS.incrementAndGet();
        }

        public String handleRequest(Object event, Object context) {
            CALLS.incrementAndGet();
            return "ran";
        }

        public static void handleRequest(Object event) {
            CALLS.incrementAndGet(); // static: invoking it would run it, so it is left alone
        }
    }

    @Test
    void buildsTheAccessorOfEachInstanceEntryPointWithoutRunningAny() {
        CALLS.set(0);

        int prepared = HandlerMethods.prepare(CountingHandler.class.getName() + "::handleRequest",
                getClass().getClassLoader());

        assertEquals(2, prepared, "both instance entry points");
        assertEquals(0, CALLS.get(), "priming ran a handler");
    }

    @Test
    void anUnknownOrMissingHandlerPreparesNothing() {
        assertEquals(0, HandlerMethods.prepare(null, getClass().getClassLoader()));
        assertEquals(0, HandlerMethods.prepare("com.example.Missing::handleRequest", getClass().getClassLoader()));
        assertEquals(0, HandlerMethods.prepare(CountingHandler.class.getName() + "::other",
                getClass().getClassLoader()));
    }
}
