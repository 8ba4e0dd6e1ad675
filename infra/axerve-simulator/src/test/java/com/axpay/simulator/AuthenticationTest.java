package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuthenticationTest extends SimTestBase {

    private SimClient.Payload encrypt(String... extra) throws Exception {
        String[] base = {"shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1", "shopTransactionId", "A-1"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return client.call("Encrypt", all);
    }

    @Test
    void apikeyIsCheckedOnEveryOperation() throws Exception {
        assertEquals(200, client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"apikey\":\"secret-key\"}").statusCode());
        assertEquals("1169", encrypt().text("ErrorCode"));
        assertEquals("1169", encrypt("apikey", "wrong").text("ErrorCode"));
        assertEquals("OK", encrypt("apikey", "secret-key").text("TransactionResult"));
        assertEquals("1169", client.call("Decrypt", "shopLogin", "GESPAY00001", "CryptedString", "x").text("ErrorCode"));
        assertEquals("1169", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "A-1")
                .text("ErrorCode"));
        assertEquals("1169", client.call("callDeleteTokenS2S", "tokenValue", "C02-1234567-1234567",
                "shopLogin", "GESPAY00001").text("ErrorCode"));
    }

    @Test
    void callerIpMustBeAllowed() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"allowedIps\":[\"10.1.2.3\"]}");
        SimClient.Payload ko = encrypt();
        assertEquals("1142", ko.text("ErrorCode"));
        assertEquals("Chiamata non accettata: indirizzo IP non valido", ko.text("ErrorDescription"));
        assertEquals("1142", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "1",
                "shopTransactionId", "A-2", "transKey", "S02-1234567-1234567").text("ErrorCode"));
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"allowedIps\":[\"10.1.2.3\",\"127.0.0.1\"]}");
        assertEquals("OK", encrypt().text("TransactionResult"));
    }

    @Test
    void inactiveShopIsRejected() throws Exception {
        client.admin("PUT", "/_sim/merchants/GESPAY00001", "{\"active\":false}");
        assertEquals("1132", encrypt().text("ErrorCode"));
    }
}
