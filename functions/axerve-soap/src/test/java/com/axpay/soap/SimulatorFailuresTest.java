package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.axpay.soap.AxerveAuthenticationException.Reason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every failure class of the client, each provoked on the Axerve simulator over real HTTP. */
class SimulatorFailuresTest {
    private static final String SHOP = "GESPAY00001";
    private static final String IP_LOCKED_SHOP = "GESPAY00003";
    private static final String APIKEY_SHOP = "GESPAY00004";

    @RegisterExtension
    static final SimulatorHarness sim = new SimulatorHarness();
    private static AxerveClient client;

    @BeforeAll
    static void start() {
        sim.putMerchant(IP_LOCKED_SHOP, "{\"allowedIps\":[\"192.0.2.10\"]}");
        sim.putMerchant(APIKEY_SHOP, "{\"apikey\":\"sim-right-key\"}");
        client = AxerveClient.create(sim.config(SHOP).build());
    }

    @AfterEach
    void clearFaults() {
        sim.clearFaults();
    }

    private static EncryptRequest encryptRequest(String id) {
        return EncryptRequest.builder().uicCode("242").amount("10.00").shopTransactionId(id).paymentType("AMAZONPAY")
                .build();
    }

    private static PagamRequest.Builder widgetCharge(String id, String orderReferenceId) {
        return PagamRequest.builder().uicCode("242").amount("10.00").shopTransactionId(id)
                .transKey(orderReferenceId).paymentType("AMAZONPAY");
    }

    @Test
    void aDeclinedPagePaymentIsDataForDecryptWithTheAmazonReason() {
        String id = SimulatorHarness.newId("decl");
        AxerveResult r = sim.payOnPage(client, encryptRequest(id), "invalid-payment-method-soft", false);
        assertEquals(TransactionOutcome.KO, r.outcome());
        assertEquals("74", r.errorCode());
        assertTrue(r.errorDescription().contains("InvalidPaymentMethod"), r.errorDescription());
        assertEquals(id, r.shopTransactionId());

        // the status query of a declined payment throws, and the exception carries the whole payload
        AxerveDeclinedException read = assertThrows(AxerveDeclinedException.class,
                () -> client.callReadTrxS2S(id, null));
        assertEquals("Suspended", read.result().orderReferenceDetails().state());
        assertEquals("InvalidPaymentMethod", read.result().orderReferenceDetails().reasonCode());
    }

    @Test
    void anAbandonedPaymentComesBackAsAKoResult() {
        AxerveResult r = sim.payOnPage(client, encryptRequest(SimulatorHarness.newId("aband")), "abandon", false);
        assertEquals(TransactionOutcome.KO, r.outcome());
        assertEquals("1143", r.errorCode());
    }

    @Test
    void aDeclinedServerToServerChargeThrowsDeclinedWithTheResult() {
        sim.orderReferenceScenario("S02-7777777-0000001", "amazon-rejected");
        String id = SimulatorHarness.newId("s2sdecl");
        AxerveDeclinedException e = assertThrows(AxerveDeclinedException.class,
                () -> client.callPagamS2S(widgetCharge(id, "S02-7777777-0000001").build()));
        assertEquals("74", e.errorCode());
        assertEquals(id, e.result().shopTransactionId());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void amazonPaymentMethodNotAllowedIsADecline() {
        sim.orderReferenceScenario("S02-7777777-0000002", "payment-method-not-allowed");
        AxerveDeclinedException e = assertThrows(AxerveDeclinedException.class,
                () -> client.callPagamS2S(widgetCharge(SimulatorHarness.newId("5001"), "S02-7777777-0000002")
                        .build()));
        assertEquals("5001", e.errorCode());
    }

    @Test
    void aTokenInASoftDeclineModeIsDeclined() {
        String token = sim.payOnPage(client, EncryptRequest.builder().uicCode("242").amount("3.00")
                .shopTransactionId(SimulatorHarness.newId("dun")).paymentType("AMAZONPAY")
                .amazonPayBillingAgreementDescription("paynowandrecurring").build(), "success", true).token();
        sim.tokenMode(token, "soft-decline");
        AxerveDeclinedException e = assertThrows(AxerveDeclinedException.class,
                () -> client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("3.00")
                        .shopTransactionId(SimulatorHarness.newId("dun")).tokenValue(token).paymentType("AMAZONPAY")
                        .build()));
        assertEquals("74", e.errorCode());
    }

    @Test
    void aForbiddenCharacterInTheShopTransactionIdIsAnInvalidRequest() {
        AxerveInvalidRequestException e = assertThrows(AxerveInvalidRequestException.class,
                () -> client.encrypt(encryptRequest("order/17")));
        assertEquals("1105", e.errorCode());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void aCallerIpOutsideTheAllowListIsRefusedWith1142() {
        AxerveClient locked = AxerveClient.create(sim.config(IP_LOCKED_SHOP).build());
        AxerveAuthenticationException e = assertThrows(AxerveAuthenticationException.class,
                () -> locked.encrypt(encryptRequest(SimulatorHarness.newId("ip"))));
        assertEquals(Reason.IP_NOT_ALLOWED, e.reason());
        assertEquals("1142", e.errorCode());
        AxerveAuthenticationException read = assertThrows(AxerveAuthenticationException.class,
                () -> locked.callReadTrxS2S("any", null));
        assertEquals(Reason.IP_NOT_ALLOWED, read.reason());
    }

    @Test
    void aWrongApikeyIsRefusedWith1169AndNeverShown() {
        AxerveClient wrong = AxerveClient.create(sim.config(APIKEY_SHOP).apikey("sim-wrong-key").build());
        AxerveAuthenticationException e = assertThrows(AxerveAuthenticationException.class,
                () -> wrong.encrypt(encryptRequest(SimulatorHarness.newId("key"))));
        assertEquals(Reason.INVALID_APIKEY, e.reason());
        assertEquals("1169", e.errorCode());
        assertFalse(e.getMessage().contains("sim-wrong-key"));

        AxerveClient missing = AxerveClient.create(sim.config(APIKEY_SHOP).build());
        assertEquals(Reason.INVALID_APIKEY, assertThrows(AxerveAuthenticationException.class,
                () -> missing.decrypt("not-a-real-string")).reason());
    }

    @Test
    void theRightApikeyIsSentOnEveryOperation() {
        AxerveClient right = AxerveClient.create(sim.config(APIKEY_SHOP).apikey("sim-right-key").build());
        String id = SimulatorHarness.newId("key");
        AxerveResult paid = sim.payOnPage(right, encryptRequest(id), "success", true);
        assertEquals(TransactionOutcome.OK, paid.outcome());
        assertEquals("MOV", right.callReadTrxS2S(id, null).transactionState());
        assertEquals(TransactionOutcome.OK, right.callRefundS2S(RefundRequest.builder().uicCode("242")
                .amount("10.00").shopTransactionId(id).bankTransactionId(paid.bankTransactionId()).build())
                .outcome());
    }

    @Test
    void encryptingAnAmazonPaymentTwiceIs1137() {
        String id = SimulatorHarness.newId("twice");
        sim.orderReferenceScenario("S02-1111111-2222222", "success"); // an id the simulated Amazon issued
        sim.payOnPage(client, encryptRequest(id), "success", true);
        AxerveAlreadyProcessedException e = assertThrows(AxerveAlreadyProcessedException.class,
                () -> client.encrypt(encryptRequest(id)));
        assertEquals("1137", e.errorCode());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void chargingTheSameShopTransactionIdTwiceIs4707() {
        String id = SimulatorHarness.newId("twice");
        sim.orderReferenceScenario("S02-1111111-2222222", "success"); // an id the simulated Amazon issued
        assertEquals(TransactionOutcome.OK, client.callPagamS2S(widgetCharge(id, "S02-1111111-2222222").build())
                .outcome());
        AxerveAlreadyProcessedException e = assertThrows(AxerveAlreadyProcessedException.class,
                () -> client.callPagamS2S(widgetCharge(id, "S02-1111111-2222222").build()));
        assertEquals("4707", e.errorCode());
    }

    @Test
    void anUnknownTransactionIsNotFound() {
        AxerveNotFoundException e = assertThrows(AxerveNotFoundException.class,
                () -> client.callReadTrxS2S(SimulatorHarness.newId("nobody"), null));
        assertEquals("2011", e.errorCode());
    }

    @Test
    void axervesTechnicalKoIsASystemError() {
        sim.addFault("{\"kind\":\"systemError\",\"operation\":\"callReadTrxS2S\",\"times\":1}");
        AxerveSystemException e = assertThrows(AxerveSystemException.class,
                () -> client.callReadTrxS2S("any", null));
        assertEquals("9999", e.errorCode());
    }

    /** Held by the simulator for 3 s, given up by the client after 300 ms; the payment took effect anyway. */
    @Test
    void aReadTimeoutLeavesTheOutcomeUnknownAndReadTrxTellsIt() {
        sim.addFault("{\"kind\":\"timeout\",\"operation\":\"callPagamS2S\",\"delayMs\":3000,\"process\":true,"
                + "\"times\":1}");
        AxerveClient impatient = AxerveClient.create(sim.config(SHOP).readTimeout(Duration.ofMillis(300)).build());
        String id = SimulatorHarness.newId("slow");
        sim.orderReferenceScenario("S02-3333333-4444444", "success");
        // bounded either way: a client that ignored its read timeout would get the real answer after 3 s and fail
        AxerveTransportException e = assertThrows(AxerveTransportException.class,
                () -> impatient.callPagamS2S(widgetCharge(id, "S02-3333333-4444444").build()));
        assertEquals(AxerveTransportException.Reason.READ_TIMEOUT, e.reason());
        assertTrue(e.outcomeUnknown());
        assertEquals("MOV", client.callReadTrxS2S(id, null).transactionState());
    }

    @Test
    void anIisErrorPageIsAnHttpStatusFailure() {
        sim.addFault("{\"kind\":\"http500\",\"times\":1}");
        AxerveTransportException e = assertThrows(AxerveTransportException.class,
                () -> client.encrypt(encryptRequest(SimulatorHarness.newId("500"))));
        assertEquals(AxerveTransportException.Reason.HTTP_STATUS, e.reason());
        assertEquals(500, e.httpStatus());
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void aSoapFaultIsATransportFailure() {
        sim.addFault("{\"kind\":\"soapFault\",\"shopLogin\":\"" + SHOP + "\",\"times\":1}");
        AxerveTransportException e = assertThrows(AxerveTransportException.class,
                () -> client.callDeleteTokenS2S("C02-0000000-0000000"));
        assertEquals(AxerveTransportException.Reason.SOAP_FAULT, e.reason());
        assertTrue(e.getMessage().contains("Simulated fault"), e.getMessage());
    }

    @Test
    void aTruncatedEnvelopeIsMalformed() {
        sim.addFault("{\"kind\":\"malformed\",\"times\":1}");
        AxerveTransportException e = assertThrows(AxerveTransportException.class,
                () -> client.encrypt(encryptRequest(SimulatorHarness.newId("bad"))));
        assertEquals(AxerveTransportException.Reason.MALFORMED_RESPONSE, e.reason());
    }

    @Test
    void aTwentyMegabyteAnswerIsCutAtTheLimit() {
        sim.addFault("{\"kind\":\"oversized\",\"times\":1}");
        AxerveTransportException e = assertThrows(AxerveTransportException.class,
                () -> client.callReadTrxS2S("any", null));
        assertEquals(AxerveTransportException.Reason.OVERSIZED_RESPONSE, e.reason());
        // the next call on the same client is unaffected
        assertNotNull(assertThrows(AxerveNotFoundException.class, () -> client.callReadTrxS2S("any", null)));
    }
}
