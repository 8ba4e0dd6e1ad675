package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoapProtocolTest extends SimTestBase {
    private static final String ENCRYPT = SimClient.envelope(SimClient.CRYPT_NS, "Encrypt", SimClient.params(
            "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1", "shopTransactionId", "P-1"));

    @ParameterizedTest
    @ValueSource(strings = {"/gestpay/GestPayWS/WsCryptDecrypt.asmx", "/gestpay/gestpayws/WSCryptDecrypt.asmx",
            "/GESTPAY/GESTPAYWS/WSCRYPTDECRYPT.ASMX"})
    void cryptPathIsCaseInsensitive(String path) throws Exception {
        var resp = client.post(path, "\"https://ecomm.sella.it/Encrypt\"", ENCRYPT);
        assertEquals(200, resp.statusCode());
        assertEquals("OK", SimClient.Payload.of(resp.body()).text("TransactionResult"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gestpay/GestPayWS/WsCryptDecrypt.asmx?wsdl", "/gestpay/gestpayws/WSs2s.asmx?WSDL"})
    void wsdlIsServedWithTheOperationsAndFields(String path) throws Exception {
        var resp = client.get(path);
        assertEquals(200, resp.statusCode());
        String wsdl = resp.body();
        assertTrue(wsdl.contains("<soap:address location=\"" + sim.baseUrl()));
        assertTrue(wsdl.contains("mixed=\"true\"") && wsdl.contains("<s:any/>"));
        assertTrue(wsdl.contains("name=\"apikey\""));
        assertTrue(wsdl.contains("<soap12:address location=\"" + sim.baseUrl()), "SOAP 1.2 port");
        if (path.contains("WSs2s")) {
            for (String s : new String[] {"callPagamS2S", "callReadTrxS2S", "callRefundS2S", "callSettleS2S",
                    "callDeleteS2S", "callDeleteTokenS2S", "name=\"transKey\"", "name=\"tokenValue\"",
                    "name=\"bankTransID\"", "soapAction=\"https://ecomms2s.sella.it/callPagamS2S\""}) {
                assertTrue(wsdl.contains(s), s);
            }
        } else {
            for (String s : new String[] {"name=\"amazonPayBillingAgreementDescription\"", "name=\"paymentTypes\"",
                    "name=\"CryptedString\"", "soapAction=\"https://ecomm.sella.it/Decrypt\""}) {
                assertTrue(wsdl.contains(s), s);
            }
        }
    }

    @Test
    void soapActionThatDoesNotMatchTheBodyIsAFault() throws Exception {
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Decrypt\"", ENCRYPT);
        assertFault(resp.statusCode(), resp.body());
    }

    @Test
    void unknownOperationIsAFault() throws Exception {
        var resp = client.post(SimClient.S2S_PATH, "\"https://ecomms2s.sella.it/callVerifycardS2S\"",
                SimClient.envelope(SimClient.S2S_NS, "callVerifycardS2S", SimClient.params("shopLogin", "GESPAY00001")));
        assertFault(resp.statusCode(), resp.body());
        var wrongService = client.post(SimClient.S2S_PATH, "\"https://ecomm.sella.it/Encrypt\"", ENCRYPT);
        assertFault(wrongService.statusCode(), wrongService.body());
    }

    @Test
    void nonSoapBodyIsAFault() throws Exception {
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", "{\"not\":\"xml\"}");
        assertFault(resp.statusCode(), resp.body());
        var noEnvelope = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", "<Encrypt xmlns=\"https://ecomm.sella.it/\"/>");
        assertFault(noEnvelope.statusCode(), noEnvelope.body());
    }

    @Test
    void soap11WithoutSoapActionIsAClientFaultAsInAsmx() throws Exception {
        var resp = client.post(SimClient.CRYPT_PATH, null, ENCRYPT);
        assertFault(resp.statusCode(), resp.body());
        assertTrue(resp.body().contains("<faultcode>soap:Client</faultcode>"), resp.body());
        var empty = client.post(SimClient.CRYPT_PATH, "\"\"", ENCRYPT);
        assertTrue(empty.body().contains("<faultcode>soap:Client</faultcode>"), empty.body());
        assertTrue(sim.transactions().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain", "application/json"})
    void aContentTypeThatIsNotSoapIsAClientFault(String type) throws Exception {
        var resp = client.postAs(SimClient.CRYPT_PATH, type, ENCRYPT);
        assertFault(resp.statusCode(), resp.body());
        assertTrue(resp.body().contains("<faultcode>soap:Client</faultcode>"), resp.body());
        assertTrue(sim.transactions().isEmpty());
    }

    @Test
    void soap12IsServedWithTheActionInTheContentType() throws Exception {
        String body = SimClient.envelope12(SimClient.CRYPT_NS, "Encrypt", SimClient.params(
                "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1", "shopTransactionId", "P-12"));
        var resp = client.postAs(SimClient.CRYPT_PATH,
                "application/soap+xml; charset=utf-8; action=\"https://ecomm.sella.it/Encrypt\"", body);
        assertEquals(200, resp.statusCode(), resp.body());
        assertTrue(resp.headers().firstValue("Content-Type").orElse("").startsWith("application/soap+xml"));
        assertTrue(resp.body().contains("xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\""), resp.body());
        assertEquals("OK", SimClient.Payload.of(resp.body()).text("TransactionResult"));
        // the action parameter is optional in SOAP 1.2: the body element decides
        var noAction = client.postAs(SimClient.S2S_PATH, "application/soap+xml; charset=utf-8",
                SimClient.envelope12(SimClient.S2S_NS, "callReadTrxS2S", SimClient.params("shopLogin", "GESPAY00001",
                        "shopTransactionId", "P-12")));
        assertEquals(200, noAction.statusCode(), noAction.body());
        assertEquals("2011", SimClient.Payload.of(noAction.body()).text("ErrorCode"));
    }

    @Test
    void soap12FaultsAreSoap12() throws Exception {
        String body = SimClient.envelope12(SimClient.CRYPT_NS, "Encrypt", SimClient.params("shopLogin", "GESPAY00001"));
        var resp = client.postAs(SimClient.CRYPT_PATH,
                "application/soap+xml; charset=utf-8; action=\"https://ecomm.sella.it/Decrypt\"", body);
        assertEquals(500, resp.statusCode());
        assertTrue(resp.body().contains("<soap:Value>soap:Sender</soap:Value>") && resp.body().contains("<soap:Reason>"),
                resp.body());
        // a SOAP 1.1 envelope sent as SOAP 1.2, and the other way round
        var mismatch = client.postAs(SimClient.CRYPT_PATH, "application/soap+xml; charset=utf-8", ENCRYPT);
        assertTrue(mismatch.body().contains("soap:VersionMismatch"), mismatch.body());
        var mismatch11 = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", body);
        assertTrue(mismatch11.body().contains("<faultcode>soap:VersionMismatch</faultcode>"), mismatch11.body());
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + ENCRYPT.substring(ENCRYPT.indexOf("<soap:Envelope")).replace("P-1", "&x;");
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", xxe);
        assertFault(resp.statusCode(), resp.body());
        assertTrue(sim.transactions().isEmpty());
    }

    @Test
    void entityExpansionIsRejected() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE e [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + ENCRYPT.substring(ENCRYPT.indexOf("<soap:Envelope"))
                .replace("P-1", "&l9;");
        var resp = client.post(SimClient.CRYPT_PATH, "\"https://ecomm.sella.it/Encrypt\"", bomb);
        assertFault(resp.statusCode(), resp.body());
        assertFalse(resp.body().contains("lollol"));
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, client.get("/gestpay/other.asmx").statusCode());
    }

    static void assertFault(int status, String body) throws Exception {
        assertEquals(500, status);
        assertTrue(body.contains("<soap:Fault>") && body.contains("<faultcode>"), body);
    }
}
