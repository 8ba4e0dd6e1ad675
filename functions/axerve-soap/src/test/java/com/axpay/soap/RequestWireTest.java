package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;

/** What goes on the wire for every operation: path, SOAPAction, Content-Type, namespace, names, order, apikey. */
class RequestWireTest {
    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();
    private AxerveClient withKey;
    private AxerveClient withoutKey;

    @BeforeEach
    void start() {
        withKey = AxerveClient.create(fake.config().apikey("apikey-123-secret").build());
        withoutKey = AxerveClient.create(fake.config().build());
    }

    private FakeAxerve.Captured okFor(String op) {
        FakeAxerve.Captured c = fake.lastRequest();
        assertEquals("POST", c.method());
        assertEquals("\"" + (op.startsWith("call") ? AxerveClient.S2S_NS : AxerveClient.CRYPT_NS) + op + "\"",
                c.header("SOAPAction"));
        String type = c.header("Content-Type").toLowerCase();
        assertTrue(type.startsWith("text/xml") && type.contains("charset=utf-8"), type);
        return c;
    }

    private static Element operation(FakeAxerve.Captured c, String op, String ns) {
        Element e = Xml.operation(c.body());
        assertEquals(op, e.getLocalName());
        assertEquals(ns, e.getNamespaceURI());
        for (Element child : Xml.children(e)) {
            assertEquals(ns, child.getNamespaceURI(), child.getLocalName());
        }
        return e;
    }

    @Test
    void encryptSendsAmazonPayFieldsInAxerveOrder() {
        fake.respondXml(Soap.ENCRYPT_OK);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("ORDER", "A-1");
        info.put("CART", "c7");
        withKey.encrypt(EncryptRequest.builder().uicCode("242").amount("10.00").shopTransactionId("ord-1")
                .buyerName("Mario Rossi").buyerEmail("m@example.com").languageId(2).customInfo(info)
                .requestToken("MASKEDPAN").paymentType("AMAZONPAY")
                .amazonPayBillingAgreementDescription("paynowandrecurring").build());

        FakeAxerve.Captured c = okFor("Encrypt");
        assertEquals("/gestpay/GestPayWS/WsCryptDecrypt.asmx", c.path());
        Element e = operation(c, "Encrypt", AxerveClient.CRYPT_NS);
        assertEquals(List.of("shopLogin", "uicCode", "amount", "shopTransactionId", "buyerName", "buyerEmail",
                "languageId", "customInfo", "requestToken", "paymentTypes", "amazonPayBillingAgreementDescription",
                "apikey"), Xml.childNames(e));
        assertEquals("GESPAY99001", Xml.childText(e, "shopLogin"));
        assertEquals("ORDER=A-1*P1*CART=c7", Xml.childText(e, "customInfo"));
        assertEquals("2", Xml.childText(e, "languageId"));
        assertEquals("apikey-123-secret", Xml.childText(e, "apikey"));
        Element types = Xml.firstByLocalName(e, "paymentTypes");
        assertEquals(List.of("paymentType"), Xml.childNames(types));
        assertEquals("AMAZONPAY", types.getTextContent());
    }

    @Test
    void minimalEncryptSendsOnlyTheMandatoryFieldsAndNoApikey() {
        fake.respondXml(Soap.ENCRYPT_OK);
        withoutKey.encrypt(EncryptRequest.builder().uicCode("242").amount("5").shopTransactionId("ord-2").build());
        Element e = operation(okFor("Encrypt"), "Encrypt", AxerveClient.CRYPT_NS);
        assertEquals(List.of("shopLogin", "uicCode", "amount", "shopTransactionId"), Xml.childNames(e));
        assertFalse(fake.lastRequest().body().contains("apikey"));
    }

    @Test
    void decryptSendsCapitalCryptedString() {
        fake.respondXml(Soap.crypt("Decrypt", Soap.fields("TransactionType", "DECRYPT", "TransactionResult", "OK",
                "ShopTransactionID", "ord-1", "ErrorCode", "0")));
        withKey.decrypt("AbC*12_x");
        Element e = operation(okFor("Decrypt"), "Decrypt", AxerveClient.CRYPT_NS);
        assertEquals(List.of("shopLogin", "CryptedString", "apikey"), Xml.childNames(e));
        assertEquals("AbC*12_x", Xml.childText(e, "CryptedString"));
    }

    private static String s2sOk(String op, String type) {
        return Soap.s2s(op, Soap.fields("TransactionType", type, "TransactionResult", "OK", "ShopTransactionID",
                "ord-1", "BankTransactionID", "77", "ErrorCode", "0"));
    }

    @Test
    void callPagamS2S() {
        fake.respondXml(s2sOk("callPagamS2S", "PAGAM"));
        withKey.callPagamS2S(PagamRequest.builder().uicCode("242").amount("24.21").shopTransactionId("ord-1")
                .buyerName("Mario").buyerEmail("m@example.com").languageId(1).transKey("S02-1111111-2222222")
                .customInfo(Map.of("K", "v")).tokenValue("TOK123").clientIP("203.0.113.9").recurrent(true)
                .paymentType("AMAZONPAY").build());
        FakeAxerve.Captured c = okFor("callPagamS2S");
        assertEquals("/gestpay/gestpayws/WSs2s.asmx", c.path());
        Element e = operation(c, "callPagamS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("shopLogin", "uicCode", "amount", "shopTransactionId", "buyerName", "buyerEmail",
                "languageId", "transKey", "customInfo", "tokenValue", "clientIP", "recurrent", "paymentTypes",
                "apikey"), Xml.childNames(e));
        assertEquals("true", Xml.childText(e, "recurrent"));
    }

    @Test
    void callReadTrxS2SWithOnlyOneId() {
        fake.respondXml(s2sOk("callReadTrxS2S", "QUERYTX"));
        withoutKey.callReadTrxS2S(null, "77");
        Element e = operation(okFor("callReadTrxS2S"), "callReadTrxS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("shopLogin", "bankTransactionId"), Xml.childNames(e));
    }

    @Test
    void callRefundS2S() {
        fake.respondXml(s2sOk("callRefundS2S", "Refund"));
        withKey.callRefundS2S(RefundRequest.builder().uicCode("242").amount("5.00").shopTransactionId("ord-1")
                .bankTransactionId("77").refundReason("out-of-stock").chargeBackFraud(false).build());
        Element e = operation(okFor("callRefundS2S"), "callRefundS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("shopLogin", "uicCode", "amount", "shopTransactionId", "bankTransactionId",
                "RefundReason", "chargeBackFraud", "apikey"), Xml.childNames(e));
        assertEquals("N", Xml.childText(e, "chargeBackFraud"));
    }

    @Test
    void callSettleS2SUsesAxervesTransIdNames() {
        fake.respondXml(s2sOk("callSettleS2S", "Settle"));
        withKey.callSettleS2S(SettleRequest.builder().uicCode("242").amount("10.00").shopTransactionId("ord-1")
                .bankTransactionId("77").build());
        Element e = operation(okFor("callSettleS2S"), "callSettleS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("shopLogin", "uicCode", "amount", "shopTransID", "bankTransID", "apikey"),
                Xml.childNames(e));
        assertEquals("77", Xml.childText(e, "bankTransID"));
    }

    @Test
    void callDeleteS2S() {
        fake.respondXml(s2sOk("callDeleteS2S", "Delete"));
        withKey.callDeleteS2S(DeleteRequest.builder().shopTransactionId("ord-1").bankTransactionId("77")
                .cancelReason("buyer-request").build());
        Element e = operation(okFor("callDeleteS2S"), "callDeleteS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("shopLogin", "shopTransactionId", "bankTransactionId", "CancelReason", "apikey"),
                Xml.childNames(e));
    }

    @Test
    void callDeleteTokenS2SPutsTokenFirst() {
        fake.respondXml(Soap.s2s("callDeleteTokenS2S", Soap.fields("TransactionType", "DisableToken",
                "TransactionResult", "OK", "ErrorCode", "0")));
        AxerveResult r = withKey.callDeleteTokenS2S("TOK123");
        assertEquals("DisableToken", r.transactionType());
        assertNull(r.shopTransactionId());
        Element e = operation(okFor("callDeleteTokenS2S"), "callDeleteTokenS2S", AxerveClient.S2S_NS);
        assertEquals(List.of("tokenValue", "shopLogin", "apikey"), Xml.childNames(e));
    }
}
