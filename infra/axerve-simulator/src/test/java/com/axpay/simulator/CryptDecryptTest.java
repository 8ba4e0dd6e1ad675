package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Element;

class CryptDecryptTest extends SimTestBase {

    @Test
    void encryptAnswersWithAxervesEnvelopeAndAnOpaqueString() throws Exception {
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", SimClient.envelope(
                SimClient.CRYPT_NS, "Encrypt", SimClient.params("shopLogin", "GESPAY00001", "uicCode", "242",
                        "amount", "12.50", "shopTransactionId", "ORD-1")));
        assertEquals(200, resp.statusCode());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        SimClient.Payload p = SimClient.Payload.of(resp.body());
        Element response = (Element) p.root.getParentNode().getParentNode();
        assertEquals("EncryptResponse", response.getLocalName());
        assertEquals("https://ecomm.sella.it/", response.getNamespaceURI());
        assertEquals("EncryptResult", ((Element) p.root.getParentNode()).getLocalName());
        assertEquals("GestPayCryptDecrypt", p.root.getLocalName());
        assertNull(p.root.getNamespaceURI(), "payload must be in no namespace");
        assertEquals(List.of("TransactionType", "TransactionResult", "CryptDecryptString", "ErrorCode", "ErrorDescription"),
                p.childNames(""));
        assertEquals("ENCRYPT", p.text("TransactionType"));
        assertEquals("OK", p.text("TransactionResult"));
        assertEquals("0", p.text("ErrorCode"));
        assertTrue(p.text("CryptDecryptString").matches("[A-Za-z0-9*_]{64,}"));
        assertTrue(p.root.getElementsByTagNameNS("*", "ShopTransactionID").getLength() == 0);
    }

    @ParameterizedTest(name = "AMAZONPAY shopTransactionId {0} -> {1}")
    @CsvSource({
            "order.123, 1105",
            "order+123, 1105",
            "order@123, 1105",
            "ordine-è, 1105",
            "a--b, 1105",
            "123456789012345678901234567890123, 1116",
    })
    void amazonPayRefusesShopTransactionIdsOutsideItsRule(String id, String code) throws Exception {
        SimClient.Payload p = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "10.00",
                "shopTransactionId", id, "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals(code, p.text("ErrorCode"));
        assertTrue(sim.transactions().stream().noneMatch(t -> t.shopTransactionId().equals(id)));
    }

    @Test
    void amazonPayTakesItsWholeAlphabetUpTo32Characters() throws Exception {
        String id = "Az09_-" + "x".repeat(26);
        SimClient.Payload p = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "10.00",
                "shopTransactionId", id, "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
        assertEquals("OK", p.text("TransactionResult"));
        // without AMAZONPAY only Axerve's general limits apply
        assertEquals("OK", client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "10.00",
                "shopTransactionId", "order.123").text("TransactionResult"));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
            "amount, '', 1108",
            "uicCode, '', 1108",
            "shopTransactionId, '', 1108",
            "shopLogin, GESPAY99999, 1131",
            "uicCode, 978, 1111",
            "uicCode, abc, 1111",
            "amount, '10,50', 1113",
            "amount, 1.234, 1113",
            "amount, '1,000.00', 1113",
            "amount, -5, 1113",
            "amount, 0, 1114",
            "amount, 0.00, 1114",
            "amount, 1234567.89, 1114",
            "shopTransactionId, 123456789012345678901234567890123456789012345678901, 1116",
            "shopTransactionId, ORD/1, 1105",
            "shopTransactionId, ORD 1, 1105",
            "languageId, 9, 1117",
            "customInfo, 'NOTE=a b', 1105",
            "customInfo, 'NOTE', 1105",
            "customInfo, 'NOTE=50%', 1105",
            "customInfo, 'NOTE=50%zz', 1105",
            "buyerName, 'A name that is much longer than the fifty characters allowed', 1105",
    })
    void encryptValidatesEveryParameter(String field, String value, String code) throws Exception {
        List<String> kv = new ArrayList<>(List.of("shopLogin", "GESPAY00001", "uicCode", "242", "amount", "10.00",
                "shopTransactionId", "ORD-V"));
        int i = kv.indexOf(field);
        if (i >= 0) kv.set(i + 1, value);
        else kv.addAll(List.of(field, value));
        SimClient.Payload p = client.call("Encrypt", kv.toArray(String[]::new));
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals(code, p.text("ErrorCode"));
        assertNull(p.text("CryptDecryptString"));
        assertTrue(!p.text("ErrorDescription").isBlank());
    }

    @Test
    void currencyNotEnabledForTheMerchantIsRejected() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"currencies\":[\"242\"]}");
        assertEquals("1111", client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "1", "amount", "5",
                "shopTransactionId", "USD-1").text("ErrorCode"));
        assertEquals("OK", client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "5",
                "shopTransactionId", "EUR-1").text("TransactionResult"));
    }

    @Test
    void validCustomInfoComesBackAsTheStarP1StarStringInDecrypt() throws Exception {
        String location = payWith("CI-1", "success", "customInfo", "STORE_ID=1*P1*ORDER_REF=abc");
        assertEquals("STORE_ID=1*P1*ORDER_REF=abc", client.decrypt(SimClient.bOf(location)).text("CustomInfo"));
    }

    @Test
    void percentEncodedCustomInfoValuesPassAndComeBackUnchanged() throws Exception {
        // the shape of the one Axerve answer in the corpus that carries a '%': STORE_NAME=Negozio%2BAbc
        String location = payWith("CI-2", "success", "customInfo", "STORE_ID=1*P1*STORE_NAME=Negozio%2BAbc");
        assertEquals("STORE_ID=1*P1*STORE_NAME=Negozio%2BAbc", client.decrypt(SimClient.bOf(location)).text("CustomInfo"));
    }

    @Test
    void decryptCarriesTheFlatVbVFieldsInTheRecordedOrder() throws Exception {
        SimClient.Payload p = client.decrypt(SimClient.bOf(payWith("VBV-1", "success")));
        List<String> names = p.childNames("");
        assertEquals(List.of("AlertCode", "AlertDescription", "VbVRisp", "VbVBuyer", "VbVFlag", "TransactionKey"),
                names.subList(names.indexOf("AlertCode"), names.indexOf("TransactionKey") + 1));
    }

    @Test
    void elementOrderIsNotEnforcedButElementCaseIs() throws Exception {
        SimClient.Payload reversed = client.call("Encrypt", "shopTransactionId", "ORD-R", "amount", "1.00",
                "uicCode", "242", "shopLogin", "GESPAY00001");
        assertEquals("OK", reversed.text("TransactionResult"));
        SimClient.Payload misCased = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "1.00", "shopTransactionID", "ORD-C");
        assertEquals("1108", misCased.text("ErrorCode"), "a mis-cased element is ignored, so the id is missing");
    }

    @Test
    void parametersOutsideTheServiceNamespaceAreIgnored() throws Exception {
        String body = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<e:Encrypt xmlns:e=\"https://ecomm.sella.it/\"><shopLogin>GESPAY00001</shopLogin><uicCode>242</uicCode>"
                + "<amount>1</amount><shopTransactionId>NS-1</shopTransactionId></e:Encrypt></soap:Body></soap:Envelope>";
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", body);
        assertEquals("1108", SimClient.Payload.of(resp.body()).text("ErrorCode"));
    }

    @Test
    void decryptReturnsTheResultTheStringStandsFor() throws Exception {
        String location = payWith("DEC-1", "success");
        assertTrue(location.startsWith(POSITIVE + "?a=GESPAY00001&b="));
        SimClient.Payload p = client.decrypt(SimClient.bOf(location));
        assertEquals("DECRYPT", p.text("TransactionType"));
        assertEquals("OK", p.text("TransactionResult"));
        assertEquals("DEC-1", p.text("ShopTransactionID"));
        assertTrue(p.text("BankTransactionID").matches("\\d+"));
        assertTrue(p.text("AuthorizationCode").matches("\\d{6}"));
        assertEquals("242", p.text("Currency"));
        assertEquals("10.00", p.text("Amount"));
        assertEquals("Mario Rossi", p.text("Buyer/BuyerName"));
        assertEquals("mario@example.com", p.text("Buyer/BuyerEmail"));
        assertEquals("0", p.text("ErrorCode"));
        assertEquals("Transazione correttamente effettuata", p.text("ErrorDescription"));
        assertEquals("AMAZONPAY", p.text("PaymentMethod"));
        assertNull(p.text("TOKEN"), "no token without a billing agreement");
    }

    @Test
    void decryptWithNilShopLoginIsATechnicalKoWithFourFields() throws Exception {
        String body = SimClient.envelope(SimClient.CRYPT_NS, "Decrypt", SimClient.params("CryptedString", "abc"))
                .replace("<Decrypt xmlns=\"https://ecomm.sella.it/\">", "<Decrypt xmlns=\"https://ecomm.sella.it/\">"
                        + "<shopLogin xsi:nil=\"true\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"/>");
        SimClient.Payload p = SimClient.Payload.of(client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Decrypt\"", body).body());
        assertEquals(Arrays.asList("TransactionType", "TransactionResult", "ErrorCode", "ErrorDescription"), p.childNames(""));
        assertEquals("9999", p.text("ErrorCode"));
        assertEquals("KO", p.text("TransactionResult"));
    }

    @Test
    void tamperedUnknownOrForeignStringsDoNotDecrypt() throws Exception {
        String b = SimClient.bOf(payWith("TAMP-1", "success"));
        client.admin("PUT", "/_sim/merchants/GESPAY00002", "{}");
        String tampered = (b.charAt(0) == 'A' ? "B" : "A") + b.substring(1);
        for (SimClient.Payload p : List.of(client.decrypt(tampered), client.decrypt("nonsense"),
                client.call("Decrypt", "shopLogin", "GESPAY00002", "CryptedString", b))) {
            assertEquals("KO", p.text("TransactionResult"));
            assertEquals("1100", p.text("ErrorCode"));
            assertNull(p.text("ShopTransactionID"));
        }
    }

    @Test
    void reEncryptingBeforeTheBuyerPaidIsAllowedButAfterTheResultIs1137() throws Exception {
        String first = client.encrypt("RETRY-1", "10.00");
        String second = client.encrypt("RETRY-1", "10.00");
        assertTrue(!first.equals(second));
        assertEquals(302, client.pay(second, "success").statusCode());
        SimClient.Payload again = client.call("Encrypt", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "10.00",
                "shopTransactionId", "RETRY-1", "paymentTypes", "<paymentType>AMAZONPAY</paymentType>");
        assertEquals("1137", again.text("ErrorCode"));
        assertEquals(1, sim.transactions().stream().filter(t -> t.shopTransactionId().equals("RETRY-1")).count());
    }
}
