package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.axpay.soap.AxerveResult.OrderReferenceDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every operation of the client against the Axerve simulator over real HTTP: the two implementations were written
 * independently from PROTOCOL.md, so a disagreement on names, namespaces, SOAPActions or payload shape fails here.
 */
class SimulatorOperationsTest {
    private static final String SHOP = "GESPAY00001";
    private static final String DEFERRED_SHOP = "GESPAY00002";

    @RegisterExtension
    static final SimulatorHarness sim = new SimulatorHarness();
    private static AxerveClient client;
    private static AxerveClient deferredClient;

    @BeforeAll
    static void start() {
        sim.putMerchant(DEFERRED_SHOP, "{\"captureMode\":\"deferred\"}");
        client = AxerveClient.create(sim.config(SHOP).build());
        deferredClient = AxerveClient.create(sim.config(DEFERRED_SHOP).build());
    }

    private static EncryptRequest.Builder amazonPay(String id, String amount) {
        return EncryptRequest.builder().uicCode("242").amount(amount).shopTransactionId(id).paymentType("AMAZONPAY")
                .buyerName("Ada Lovelace").buyerEmail("ada@example.com").languageId(1);
    }

    @Test
    void encryptGivesAPaymentPageStringAndDecryptReadsTheBuyersResult() {
        String id = SimulatorHarness.newId("page");
        EncryptResult encrypted = client.encrypt(amazonPay(id, "12.50")
                .customInfo(Map.of("ORDER_ID", "A17")).build());
        assertTrue(encrypted.cryptDecryptString().matches("[A-Za-z0-9*_]+"), encrypted.cryptDecryptString());
        assertEquals("0", encrypted.errorCode());

        AxerveResult r = client.decrypt(sim.buyerCompletes(client, encrypted.cryptDecryptString(), "success", true));
        assertEquals("DECRYPT", r.transactionType());
        assertEquals(TransactionOutcome.OK, r.outcome());
        assertEquals("0", r.errorCode());
        assertEquals(id, r.shopTransactionId());
        assertNotNull(r.bankTransactionId());
        assertNotNull(r.authorizationCode());
        assertEquals("242", r.currency());
        assertEquals("12.50", r.amount());
        assertEquals(new AxerveResult.Buyer("Ada Lovelace", "ada@example.com"), r.buyer());
        assertEquals("ORDER_ID=A17", r.customInfoRaw());
        assertEquals(Map.of("ORDER_ID", "A17"), r.customInfo());
        assertEquals("AMAZONPAY", r.paymentMethod());
        assertNull(r.token(), "no billing agreement was asked for");
    }

    @Test
    void aRecurringTokenFromThePageIsChargedServerToServer() {
        AxerveResult first = sim.payOnPage(client, amazonPay(SimulatorHarness.newId("rec"), "9.99")
                .amazonPayBillingAgreementDescription("paynowandrecurring").build(), "success", true);
        assertEquals(TransactionOutcome.OK, first.outcome());
        String token = first.token();
        assertNotNull(token);
        assertEquals("12", first.tokenExpiryMonth());
        assertNotNull(first.tokenExpiryYear());

        String chargeId = SimulatorHarness.newId("chg");
        AxerveResult charge = client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("9.99")
                .shopTransactionId(chargeId).tokenValue(token).paymentType("AMAZONPAY").recurrent(true)
                .buyerName("Ada Lovelace").buyerEmail("ada@example.com").customInfo(Map.of("plan", "monthly"))
                .build());
        assertEquals("PAGAM", charge.transactionType());
        assertEquals(TransactionOutcome.OK, charge.outcome());
        assertEquals(chargeId, charge.shopTransactionId());
        assertNotEquals(first.bankTransactionId(), charge.bankTransactionId());
        assertEquals("9.99", charge.amount());
        // WSs2s quirks: buyer fields in an escaped CDATA wrapper, CustomInfo as upper-cased child elements
        assertEquals(new AxerveResult.Buyer("Ada Lovelace", "ada@example.com"), charge.buyer());
        assertEquals(Map.of("PLAN", "monthly"), charge.customInfo());
        assertNull(charge.customInfoRaw());
        assertEquals(1, sim.simulator().chargeCount(token));
    }

    @Test
    void anAmazonOrderReferenceIsChargedWithTransKey() {
        String id = SimulatorHarness.newId("widget");
        sim.orderReferenceScenario("S02-1234567-7654321", "success"); // an id the simulated Amazon issued
        AxerveResult r = client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("30.00")
                .shopTransactionId(id).transKey("S02-1234567-7654321").paymentType("AMAZONPAY").build());
        assertEquals(TransactionOutcome.OK, r.outcome());
        assertEquals(id, r.shopTransactionId());

        OrderReferenceDetails ord = client.callReadTrxS2S(id, null).orderReferenceDetails();
        assertEquals("S02-1234567-7654321", ord.amazonOrderReferenceId());
    }

    @Test
    void readTrxFindsAPaymentByEitherIdWithItsAmazonOrderReference() {
        String id = SimulatorHarness.newId("read");
        AxerveResult paid = sim.payOnPage(client, amazonPay(id, "20.00").build(), "success", true);

        AxerveResult byShop = client.callReadTrxS2S(id, null);
        AxerveResult byBank = client.callReadTrxS2S(null, paid.bankTransactionId());
        for (AxerveResult r : List.of(byShop, byBank)) {
            assertEquals("QUERYTX", r.transactionType());
            assertEquals(TransactionOutcome.OK, r.outcome());
            assertEquals(id, r.shopTransactionId());
            assertEquals(paid.bankTransactionId(), r.bankTransactionId());
            assertEquals("MOV", r.transactionState(), "Amazon via Axerve captures at once");
            assertEquals(List.of("AUT", "MOV"), r.events().stream().map(AxerveResult.Event::type).toList());
            assertEquals("20.00", r.events().get(0).amount());
            assertTrue(r.events().get(0).date().matches("\\d\\d/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d"));
            assertEquals("AMAZONPAY", r.company());

            OrderReferenceDetails ord = r.orderReferenceDetails();
            assertNotNull(ord);
            assertTrue(ord.amazonOrderReferenceId().matches("S02-\\d{7}-\\d{7}"), ord.amazonOrderReferenceId());
            assertEquals("Draft", ord.state(), "the state Axerve's documented example shows for a captured payment");
            assertEquals("it-IT", ord.orderLanguage());
            assertEquals("Physical", ord.destinationType());
            assertEquals("Mario Rossi", ord.destination().name());
            assertEquals("Via Roma 1", ord.destination().addressLine1());
            assertEquals("Milano", ord.destination().city());
            assertEquals("20121", ord.destination().postalCode());
            assertEquals("IT", ord.destination().countryCode());
            assertEquals("Physical", ord.billingAddressType());
            assertEquals("Torino", ord.billingAddress().city());
            assertEquals("Giulia Bianchi", ord.billingAddress().name());
            assertEquals("ada@example.com", ord.buyer().email());
            assertEquals(new AxerveResult.OrderTotal("EUR", "20.00"), ord.orderTotal());
            assertEquals(id, ord.sellerOrderId());
            assertEquals("Sandbox", ord.releaseEnvironment());
            assertFalse(ord.requestPaymentAuthorization());
        }
    }

    @Test
    void refundsArePartialThenFullAndNeverAboveTheBalance() {
        String id = SimulatorHarness.newId("refund");
        AxerveResult paid = sim.payOnPage(client, amazonPay(id, "50.00").build(), "success", true);
        RefundRequest.Builder refund = RefundRequest.builder().uicCode("242").shopTransactionId(id)
                .bankTransactionId(paid.bankTransactionId()).refundReason("reso parziale");

        AxerveResult partial = client.callRefundS2S(refund.amount("20.00").build());
        assertEquals("Refund", partial.transactionType());
        assertEquals(TransactionOutcome.OK, partial.outcome());
        assertEquals("MOV", client.callReadTrxS2S(id, null).transactionState(), "still partly captured");

        AxerveInvalidRequestException above = assertThrows(AxerveInvalidRequestException.class,
                () -> client.callRefundS2S(refund.amount("30.01").build()));
        assertEquals("2014", above.errorCode());
        assertFalse(above.outcomeUnknown());

        assertEquals(TransactionOutcome.OK, client.callRefundS2S(refund.amount("30.00").build()).outcome());
        AxerveResult after = client.callReadTrxS2S(null, paid.bankTransactionId());
        assertEquals("STO", after.transactionState());
        assertEquals("Closed", after.orderReferenceDetails().state());
    }

    @Test
    void aDeferredCaptureIsSettledOnceOnly() {
        String id = SimulatorHarness.newId("settle");
        AxerveResult paid = sim.payOnPage(deferredClient, amazonPay(id, "15.00").build(), "success", true);
        assertEquals("AUT", deferredClient.callReadTrxS2S(id, null).transactionState());

        SettleRequest settle = SettleRequest.builder().uicCode("242").amount("15.00")
                .bankTransactionId(paid.bankTransactionId()).build();
        AxerveResult settled = deferredClient.callSettleS2S(settle);
        assertEquals("Settle", settled.transactionType());
        assertEquals(TransactionOutcome.OK, settled.outcome());
        assertEquals("MOV", deferredClient.callReadTrxS2S(id, null).transactionState());

        AxerveInvalidRequestException again = assertThrows(AxerveInvalidRequestException.class,
                () -> deferredClient.callSettleS2S(settle));
        assertEquals("2019", again.errorCode());
    }

    @Test
    void aSettleByShopTransactionIdAlsoWorks() {
        String id = SimulatorHarness.newId("settleshop");
        sim.payOnPage(deferredClient, amazonPay(id, "5.00").build(), "success", true);
        assertEquals(TransactionOutcome.OK, deferredClient.callSettleS2S(SettleRequest.builder().uicCode("242")
                .amount("5.00").shopTransactionId(id).build()).outcome());
    }

    @Test
    void anAuthorizationIsVoidedWithDelete() {
        String id = SimulatorHarness.newId("void");
        AxerveResult paid = sim.payOnPage(deferredClient, amazonPay(id, "8.00").build(), "success", true);
        AxerveResult deleted = deferredClient.callDeleteS2S(DeleteRequest.builder().shopTransactionId(id)
                .bankTransactionId(paid.bankTransactionId()).cancelReason("ordine annullato").build());
        assertEquals("Delete", deleted.transactionType());
        assertEquals(TransactionOutcome.OK, deleted.outcome());

        AxerveResult read = deferredClient.callReadTrxS2S(id, null);
        assertEquals("CAN", read.transactionState());
        assertEquals("Canceled", read.orderReferenceDetails().state());
    }

    @Test
    void aDeletedTokenCannotBeChargedAnyMore() {
        String token = sim.payOnPage(client, amazonPay(SimulatorHarness.newId("tok"), "1.00")
                .amazonPayBillingAgreementDescription("onlyrecurring").build(), "success", true).token();
        assertNotNull(token);

        AxerveResult disabled = client.callDeleteTokenS2S(token);
        assertEquals("DisableToken", disabled.transactionType());
        assertEquals(TransactionOutcome.OK, disabled.outcome());

        AxerveDeclinedException refused = assertThrows(AxerveDeclinedException.class,
                () -> client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("1.00")
                        .shopTransactionId(SimulatorHarness.newId("chg")).tokenValue(token).paymentType("AMAZONPAY")
                        .build()));
        assertEquals("1165", refused.errorCode());
        assertEquals(0, sim.simulator().chargeCount(token));
    }
}
