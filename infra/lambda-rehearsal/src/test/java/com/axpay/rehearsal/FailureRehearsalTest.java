package com.axpay.rehearsal;

import com.axpay.lambdarun.FunctionSandbox;
import com.axpay.lambdarun.RuntimeApiEmulator.InitOutcome;
import com.axpay.lambdarun.RuntimeApiEmulator.InvocationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a deployer sees when something is wrong, as Lambda's runtime client reports it (on-demand INIT): a bad
 * setting ends INIT in {@code /runtime/init/error} naming the setting, and the JVM exits; a handler failure (here
 * DynamoDB unreachable) reaches {@code /invocation/{id}/error} with its type, and the environment serves on.
 */
class FailureRehearsalTest {

    static RehearsalStack stack;

    @BeforeAll
    static void start() throws Exception {
        stack = new RehearsalStack();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aBadSettingEndsInitWithAnInitErrorNamingIt() throws Exception {
        FunctionSandbox payments = stack.launch(stack.spec("StartPaymentFunction")
                .withEnvironment(Map.of("AXERVE_SHOP_LOGIN", "not a shop login!")));
        FunctionSandbox recurring = stack.launch(stack.spec("ChargeWorkerFunction")
                .withEnvironment(Map.of("DUNNING_RETRY_DELAYS", "every now and then")));
        for (var c : Map.of(payments, "AXERVE_SHOP_LOGIN", recurring, "DUNNING_RETRY_DELAYS").entrySet()) {
            FunctionSandbox s = c.getKey();
            InitOutcome init = s.awaitInit(RehearsalStack.INIT_TIMEOUT);
            assertFalse(init.ok(), s.spec().name() + " started with a bad " + c.getValue());
            assertEquals(java.util.List.of("POST init/error"), init.calls(), s.spec().name());
            assertNotNull(init.errorType(), "Lambda's error type header");
            assertTrue(init.body().contains(c.getValue()), s.spec().name() + ": the error names the setting: "
                    + init.body());
            assertNotNull(s.awaitExit(Duration.ofSeconds(30)), s.spec().name() + ": the JVM exits after INIT fails");
        }
    }

    @Test
    void aHandlerFailureReachesTheInvocationErrorAndTheEnvironmentServesOn() throws Exception {
        FunctionSandbox reconciler = stack.launch(stack.spec("ReconcilerFunction")
                .withEnvironment(Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + RehearsalStack.freePort())));
        InitOutcome init = reconciler.awaitInit(RehearsalStack.INIT_TIMEOUT);
        assertTrue(init.ok(), init + "\n" + reconciler.log());
        assertEquals(java.util.List.of("GET invocation/next"), init.calls(), "on-demand INIT: no SnapStart calls");
        String tick = stack.events.file("reconciler-tick.json");
        InvocationOutcome failed = reconciler.invoke(tick, Duration.ofSeconds(5));
        assertFalse(failed.ok(), "the tick cannot succeed without DynamoDB: " + failed);
        assertEquals("Runtime.UserException", failed.errorType(), "the runtime client's error type header");
        assertTrue(failed.body().contains("\"errorType\":\"software.amazon.awssdk.core.exception.SdkClientException\""),
                failed.body());
        assertTrue(reconciler.alive(), "an invocation error does not end the environment");
        assertFalse(reconciler.invoke(tick, Duration.ofSeconds(5)).ok(), "the next event is taken and fails too");
        reconciler.close();
    }
}
