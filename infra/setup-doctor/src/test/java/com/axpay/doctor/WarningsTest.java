package com.axpay.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Settings that would silently fail once Axerve tries to use them. None of these runs calls Axerve. */
class WarningsTest {

    @Test
    void loopbackStackWithRealAxerveSuggestsATunnel() {
        DoctorRun r = DoctorRun.run("--api-url", "http://127.0.0.1:3000", "--env", "sandbox", "--shop-login",
                "GESPAY65987", "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.flat().contains("Warnings"), r.out());
        assertTrue(r.flat().contains("127.0.0.1, which Axerve's sandbox servers cannot reach"), r.out());
        assertTrue(r.flat().contains("tunnel"), r.out());
    }

    @Test
    void localhostAndPrivateAddressesAreNotReachableEither() {
        assertTrue(StackWarnings.isLocal("localhost"));
        assertTrue(StackWarnings.isLocal("[::1]"));
        assertTrue(StackWarnings.isLocal("192.168.1.20"));
        assertTrue(StackWarnings.isLocal("10.0.0.5"));
        assertFalse(StackWarnings.isLocal("abc123.execute-api.eu-west-1.amazonaws.com"));
        assertFalse(StackWarnings.isLocal("203.0.113.10"));
    }

    @Test
    void plainHttpPublicUrlInProductionIsFlagged() {
        DoctorRun r = DoctorRun.run("--api-url", "http://shop.example", "--env", "production", "--shop-login",
                "9091234", "--no-check");

        assertEquals(0, r.exit(), r.all());
        assertTrue(r.flat().contains("Not https in production: http://shop.example/axerve/return/ok"), r.out());
    }

    @Test
    void plainHttpInSandboxIsNotAProductionProblem() {
        DoctorRun r = DoctorRun.run("--api-url", "http://shop.example", "--env", "sandbox", "--shop-login",
                "GESPAY65987", "--no-check");

        assertFalse(r.flat().contains("Not https"), r.out());
    }

    @Test
    void missingShopLoginIsWarnedAndFailsARequestedCheckWithoutCallingAnything() {
        DoctorRun skipped = DoctorRun.run("--api-url", "https://shop.example", "--env", "sandbox", "--no-check");
        assertEquals(0, skipped.exit(), skipped.all());
        assertTrue(skipped.flat().contains("No shop login"), skipped.out());

        // a port nobody listens on: had the doctor tried to connect, the check would report UNREACHABLE instead
        DoctorRun checked = DoctorRun.run("--api-url", "https://shop.example", "--env", "http://127.0.0.1:9");
        assertEquals(2, checked.exit(), checked.all());
        assertTrue(checked.flat().contains("Result: FAILED (MISSING_SHOP_LOGIN)"), checked.out());
    }

    @Test
    void customInfoKeyWithForbiddenCharacterIsWarnedAndNotListed() {
        DoctorRun r = DoctorRun.run("--api-url", "https://shop.example", "--env", "sandbox", "--shop-login",
                "GESPAY65987", "--custom-info-keys", "ORDER_ID,store code", "--no-check");

        assertTrue(r.flat().contains("customInfo key 'store code' contains ' '"), r.out());
        assertEquals("ORDER_ID", r.valueAfter("Parameter"));
        assertFalse(r.lines().contains("store code"), r.out());
    }
}
