package com.axpay.local;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** infra/local/run refuses to say ready with a broken setting or a taken port, and says what to change. */
class StartupChecksIT {

    @Test
    void aMalformedFunctionSettingStopsTheStackBeforeReadyAndNamesIt() throws Exception {
        StackProcess stack = StackProcess.launch("startup-bad-setting", Map.of("AXERVE_READ_TIMEOUT_MS", "abc"));
        try {
            assertTrue(stack.awaitExit(StackProcess.READY_TIMEOUT), "the stack stops by itself:\n" + stack.output());
            String out = stack.output();
            assertNotEquals(0, stack.process().exitValue(), out);
            assertFalse(out.contains("local stack ready"), out);
            assertTrue(out.lines().anyMatch(l -> l.contains("cannot start") && l.contains("AXERVE_READ_TIMEOUT_MS")),
                    out);
        } finally {
            stack.close();
        }
    }

    @Test
    void aTakenPortIsReportedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StackProcess stack = StackProcess.launch("startup-taken-port",
                    Map.of("SQS_PORT", Integer.toString(taken.getLocalPort())));
            try {
                assertTrue(stack.awaitExit(StackProcess.READY_TIMEOUT), "the stack stops by itself:\n" + stack.output());
                String out = stack.output();
                assertNotEquals(0, stack.process().exitValue(), out);
                assertFalse(out.contains("local stack ready"), out);
                assertTrue(out.lines().anyMatch(l -> l.contains("port " + taken.getLocalPort())
                        && l.contains("SQS_PORT")), out);
                assertFalse(out.contains("\tat "), "a message, not a stack trace:\n" + out);
            } finally {
                stack.close();
            }
        }
    }
}
