package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class S2sOperationsTest extends SimTestBase {
    private static final String AMAZON = "<paymentType>AMAZONPAY</paymentType>";

    /** callPagamS2S with an order reference the simulated Amazon issued (registered as a success unless known). */
    private SimClient.Payload pagam(String id, String transKey, String... extra) throws Exception {
        if (!sim.isIssued(transKey)) client.admin("PUT", "/_sim/order-references/" + transKey, "{\"scenario\":\"success\"}");
        return pagamAsIs(id, transKey, extra);
    }

    private SimClient.Payload pagamAsIs(String id, String transKey, String... extra) throws Exception {
        List<String> kv = new java.util.ArrayList<>(List.of("shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "30.00", "shopTransactionId", id, "buyerName", "Mario Rossi", "buyerEmail", "m@example.com",
                "transKey", transKey, "paymentTypes", AMAZON));
        kv.addAll(List.of(extra));
        return client.call("callPagamS2S", kv.toArray(String[]::new));
    }

    private SimClient.Payload readTrx(String shopTx) throws Exception {
        return client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", shopTx);
    }

    @Test
    void orderReferencePaymentIsAuthorizedAndCapturedImmediately() throws Exception {
        SimClient.Payload p = pagam("S-1", "S02-1234567-7654321", "customInfo", "order_ref=42");
        Element response = (Element) p.root.getParentNode().getParentNode();
        assertEquals("callPagamS2SResponse", response.getLocalName());
        assertEquals("https://ecomms2s.sella.it/", response.getNamespaceURI());
        assertEquals("GestPayS2S", p.root.getLocalName());
        assertNull(p.root.getNamespaceURI());
        assertEquals("PAGAM", p.text("TransactionType"));
        assertEquals("OK", p.text("TransactionResult"));
        assertTrue(p.text("BankTransactionID").matches("\\d+"));
        assertTrue(p.text("AuthorizationCode").matches("\\d{6}"));
        assertEquals("<![CDATA[Mario Rossi]]>", p.text("Buyer/BuyerName"), "escaped CDATA literal, as Axerve sends it");
        assertEquals("42", p.text("CustomInfo/ORDER_REF"));

        SimClient.Payload trx = readTrx("S-1");
        assertEquals("QUERYTX", trx.text("TransactionType"));
        assertEquals("OK", trx.text("TransactionResult"));
        assertEquals("MOV", trx.text("TransactionState"));
        assertEquals("AMAZONPAY", trx.text("Company"));
        assertEquals("0", trx.text("ErrorCode"));
        List<Element> events = trx.children("Events", "event");
        assertEquals(List.of("AUT", "MOV"), events.stream().map(e -> e.getElementsByTagName("eventtype").item(0).getTextContent()).toList());
        assertTrue(events.get(0).getElementsByTagName("eventdate").item(0).getTextContent()
                .matches("\\d{2}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertEquals("30.00", events.get(0).getElementsByTagName("eventamount").item(0).getTextContent());
        assertEquals("S02-1234567-7654321", trx.text("OrderReferenceDetails/AmazonOrderReferenceId"));
        // as in Axerve's documented example of a captured Amazon Pay payment
        assertEquals("Draft", trx.text("OrderReferenceDetails/OrderReferenceStatus/State"));
        assertFalse(trx.childNames("").contains("Amount"));
        assertEquals("S-1", trx.text("OrderReferenceDetails/SellerOrderAttributes/SellerOrderId"));
        assertEquals("EUR", trx.text("OrderReferenceDetails/OrderTotal/CurrencyCode"));
        assertEquals("Sandbox", trx.text("OrderReferenceDetails/ReleaseEnvironment"));
        assertEquals("Physical", trx.text("OrderReferenceDetails/BillingAddress/AddressType"));
        assertEquals(List.of("StateOrRegion", "Phone", "City", "CountryCode", "PostalCode", "Name", "AddressLine1",
                "AddressLine2"), trx.childNames("OrderReferenceDetails/Destination/PhysicalDestination"));
    }

    @Test
    void readTrxFindsByBankTransactionIdToo() throws Exception {
        String bank = pagam("S-2", "S02-1111111-2222222").text("BankTransactionID");
        SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "bankTransactionId", bank);
        assertEquals("S-2", trx.text("ShopTransactionID"));
    }

    @Test
    void registeredOrderReferenceCarriesItsScenario() throws Exception {
        assertEquals(200, client.admin("PUT", "/_sim/order-references/S02-0000000-0000001",
                "{\"scenario\":\"invalid-payment-method-hard\"}").statusCode());
        SimClient.Payload p = pagam("S-3", "S02-0000000-0000001");
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("74", p.text("ErrorCode"));
        assertTrue(p.text("ErrorDescription").contains("hard decline"));
        SimClient.Payload trx = readTrx("S-3");
        assertEquals("Suspended", trx.text("OrderReferenceDetails/OrderReferenceStatus/State"));
        assertEquals("InvalidPaymentMethod", trx.text("OrderReferenceDetails/OrderReferenceStatus/ReasonCode"));
        assertTrue(trx.text("OrderReferenceDetails/OrderReferenceStatus/ReasonDescription").startsWith("HardDecline"));
        assertEquals(400, client.admin("PUT", "/_sim/order-references/S02-0000000-0000002",
                "{\"scenario\":\"pending-ok\"}").statusCode());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "invalid-payment-method-soft, Suspended, InvalidPaymentMethod",
            "amazon-rejected, Closed, AmazonRejected",
            "transaction-timed-out, Open, TransactionTimedOut",
    })
    void pageDeclinesShowTheAmazonReasonInReadTrx(String scenario, String state, String reason) throws Exception {
        payWith("R-" + scenario, scenario);
        SimClient.Payload trx = readTrx("R-" + scenario);
        assertEquals("KO", trx.text("TransactionResult"));
        assertEquals("74", trx.text("ErrorCode"));
        assertEquals(state, trx.text("OrderReferenceDetails/OrderReferenceStatus/State"));
        assertEquals(reason, trx.text("OrderReferenceDetails/OrderReferenceStatus/ReasonCode"));
    }

    @Test
    void duplicateShopTransactionIdIs4707() throws Exception {
        pagam("S-4", "S02-1111111-3333333");
        assertEquals("4707", pagam("S-4", "S02-1111111-3333333").text("ErrorCode"));
    }

    @Test
    void pagamRefusalsCarryTheWholePayloadLikeEveryRecordedKo() throws Exception {
        List<String> full = List.of("TransactionType", "TransactionResult", "ShopTransactionID", "BankTransactionID",
                "AuthorizationCode", "Currency", "Amount", "Country", "Buyer", "CustomInfo", "ErrorCode",
                "ErrorDescription", "AlertCode", "AlertDescription", "TransactionKey", "VbV", "PaymentMethod", "TOKEN",
                "TokenExpiryMonth", "TokenExpiryYear");
        SimClient.Payload missing = client.call("callPagamS2S", "shopLogin", "GESPAY00001", "amount", "1",
                "shopTransactionId", "S-R1", "transKey", "S02-1111111-5555555", "paymentTypes", AMAZON,
                "customInfo", "ORDER_REF=r1", "buyerName", "Mario Rossi");
        assertEquals("1108", missing.text("ErrorCode"));
        assertEquals(full, missing.childNames(""));
        assertEquals("S-R1", missing.text("ShopTransactionID"));
        assertEquals("r1", missing.text("CustomInfo/ORDER_REF"));
        assertEquals("<![CDATA[Mario Rossi]]>", missing.text("Buyer/BuyerName"));
        pagam("S-R2", "S02-1111111-6666666");
        SimClient.Payload reused = pagam("S-R2", "S02-1111111-6666666");
        assertEquals("4707", reused.text("ErrorCode"));
        assertEquals(full, reused.childNames(""));
    }

    @Test
    void pagamValidatesLikeEncrypt() throws Exception {
        assertEquals("1113", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1,00",
                "shopTransactionId", "S-5", "transKey", "S02-1111111-4444444", "paymentTypes", AMAZON).text("ErrorCode"));
        assertEquals("1105", pagamAsIs("S-6", "not-an-order-reference").text("ErrorCode"));
        assertEquals("1105", pagamAsIs("S-9", "S02-9999999-9999999").text("ErrorCode"), "never issued by Amazon");
        assertEquals("1154", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "S-7", "paymentTypes", AMAZON).text("ErrorCode"));
        assertEquals("1165", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "S-8", "tokenValue", "C02-0000000-0000000", "paymentTypes", AMAZON).text("ErrorCode"));
    }

    @Test
    void pagamAppliesAmazonPaysShopTransactionIdRule() throws Exception {
        assertEquals("1105", pagam("S.9", "S02-1111111-5555555").text("ErrorCode"));
        assertEquals("1105", pagam("S+9", "S02-1111111-5555555").text("ErrorCode"));
        assertEquals("1116", pagam("S".repeat(33), "S02-1111111-5555555").text("ErrorCode"));
        assertEquals("1105", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "T.9", "tokenValue", "C02-0000000-0000000").text("ErrorCode"));
        assertEquals("OK", pagam("S_9-" + "x".repeat(28), "S02-1111111-5555555").text("TransactionResult"));
    }

    @Test
    void readTrxErrors() throws Exception {
        assertEquals("2011", readTrx("NOPE").text("ErrorCode"));
        assertEquals("2016", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001").text("ErrorCode"));
        client.encrypt("NEVER-PAID", "5.00");
        assertEquals("2011", readTrx("NEVER-PAID").text("ErrorCode"), "buyer never finished the page");
        // without AMAZONPAY in paymentTypes Encrypt may reuse a completed id, which makes the id ambiguous
        client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1", "shopTransactionId", "AMB");
        String b1 = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "AMB").text("CryptDecryptString");
        client.pay(b1, "success");
        String b2 = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "AMB").text("CryptDecryptString");
        client.pay(b2, "success");
        assertEquals("2012", readTrx("AMB").text("ErrorCode"));
    }

    @Test
    void deferredCaptureSettlesOnceThenRefunds() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"captureMode\":\"deferred\"}");
        String bank = pagam("D-1", "S02-2222222-1111111").text("BankTransactionID");
        assertEquals("AUT", readTrx("D-1").text("TransactionState"));
        assertEquals("2018", client.call("callRefundS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "D-1", "bankTransactionId", bank).text("ErrorCode"), "not captured yet");
        assertEquals("2016", client.call("callSettleS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "30.00",
                "bankTransId", bank).text("ErrorCode"), "mis-cased bankTransId is ignored");
        SimClient.Payload settle = client.call("callSettleS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "30.00", "shopTransID", "D-1", "bankTransID", bank);
        assertEquals("Settle", settle.text("TransactionType"));
        assertEquals("OK", settle.text("TransactionResult"));
        assertEquals("MOV", readTrx("D-1").text("TransactionState"));
        assertEquals("2019", client.call("callSettleS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "30.00", "bankTransID", bank).text("ErrorCode"), "one capture only");
        assertEquals("2017", client.call("callDeleteS2S", "shopLogin", "GESPAY00001", "bankTransactionId", bank)
                .text("ErrorCode"), "settled cannot be deleted");

        SimClient.Payload partial = client.call("callRefundS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "10.00", "shopTransactionId", "D-1", "bankTransactionId", bank, "RefundReason", "reso");
        assertEquals("Refund", partial.text("TransactionType"));
        assertEquals("OK", partial.text("TransactionResult"));
        assertEquals("2014", client.call("callRefundS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "20.01", "shopTransactionId", "D-1", "bankTransactionId", bank).text("ErrorCode"));
        assertEquals("OK", client.call("callRefundS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "20.00", "shopTransactionId", "D-1", "bankTransactionId", bank).text("TransactionResult"));
        SimClient.Payload trx = readTrx("D-1");
        assertEquals("STO", trx.text("TransactionState"));
        assertEquals(List.of("AUT", "MOV", "REQ", "STO", "REQ", "STO"), trx.children("Events", "event").stream()
                .map(e -> e.getElementsByTagName("eventtype").item(0).getTextContent()).toList());
    }

    @Test
    void immediateCaptureCannotBeSettledAgain() throws Exception {
        String bank = pagam("I-1", "S02-3333333-1111111").text("BankTransactionID");
        assertEquals("2019", client.call("callSettleS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "30.00", "bankTransID", bank).text("ErrorCode"));
    }

    @Test
    void deleteCancelsAnAuthorization() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"captureMode\":\"deferred\"}");
        pagam("X-1", "S02-4444444-1111111");
        SimClient.Payload del = client.call("callDeleteS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "X-1",
                "CancelReason", "cliente");
        assertEquals("Delete", del.text("TransactionType"));
        assertEquals("OK", del.text("TransactionResult"));
        SimClient.Payload trx = readTrx("X-1");
        assertEquals("CAN", trx.text("TransactionState"));
        assertEquals("Canceled", trx.text("OrderReferenceDetails/OrderReferenceStatus/State"));
        assertEquals("2017", client.call("callDeleteS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "X-1")
                .text("ErrorCode"));
        assertEquals("2011", client.call("callDeleteS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "X-404")
                .text("ErrorCode"));
    }
}
