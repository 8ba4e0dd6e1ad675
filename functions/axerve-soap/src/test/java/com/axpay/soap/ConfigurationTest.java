package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Environments, defaults, validation, and the apikey staying out of every string. */
class ConfigurationTest {
    @Test
    void sandboxProductionAndCustomEndpoints() {
        AxerveEnvironment sandbox = AxerveEnvironment.sandbox();
        assertEquals("https://sandbox.gestpay.net/gestpay/GestPayWS/WsCryptDecrypt.asmx",
                sandbox.cryptDecryptEndpoint().toString());
        assertEquals("https://sandbox.gestpay.net/gestpay/gestpayws/WSs2s.asmx", sandbox.s2sEndpoint().toString());
        assertEquals("https://sandbox.gestpay.net/pagam/pagam.aspx", sandbox.paymentPage().toString());

        AxerveEnvironment prod = AxerveEnvironment.production();
        assertEquals("https://ecomms2s.sella.it/gestpay/GestPayWS/WsCryptDecrypt.asmx",
                prod.cryptDecryptEndpoint().toString());
        assertEquals("https://ecomms2s.sella.it/gestpay/gestpayws/WSs2s.asmx", prod.s2sEndpoint().toString());
        assertEquals("https://ecomm.sella.it/pagam/pagam.aspx", prod.paymentPage().toString());

        AxerveEnvironment local = AxerveEnvironment.custom(URI.create("http://127.0.0.1:8089/"));
        assertEquals("http://127.0.0.1:8089/gestpay/gestpayws/WSs2s.asmx", local.s2sEndpoint().toString());
        assertEquals("http://127.0.0.1:8089/pagam/pagam.aspx", local.paymentPage().toString());
        assertThrows(IllegalArgumentException.class, () -> AxerveEnvironment.custom(URI.create("ftp://x")));
        assertThrows(IllegalArgumentException.class, () -> AxerveEnvironment.custom(URI.create("/relative")));
    }

    @Test
    void productionPaymentPageUrlEncodesParameters() {
        AxerveClient client = AxerveClient.create(AxerveConfig.builder().environment(AxerveEnvironment.production())
                .shopLogin("GESPAY00001").build());
        assertEquals("https://ecomm.sella.it/pagam/pagam.aspx?a=GESPAY00001&b=ab*C_9%2B%2F",
                client.paymentPageUrl("ab*C_9+/").toString());
    }

    @Test
    void defaultsAreWellUnderApiGatewaysBudget() {
        AxerveConfig c = AxerveConfig.builder().environment(AxerveEnvironment.sandbox()).shopLogin("S").build();
        assertEquals(Duration.ofSeconds(3), c.connectTimeout());
        assertEquals(Duration.ofSeconds(8), c.readTimeout());
        assertEquals(1 << 20, c.maxResponseBytes());
        assertNull(c.apikey());
    }

    @Test
    void apikeyNeverInToString() {
        AxerveConfig c = AxerveConfig.builder().environment(AxerveEnvironment.sandbox()).shopLogin("S")
                .apikey("sk-very-secret-value").build();
        assertFalse(c.toString().contains("sk-very-secret-value"));
        assertTrue(c.toString().contains("apikey=set"));
        assertFalse(AxerveClient.create(c).toString().contains("sk-very-secret-value"));
    }

    @Test
    void invalidSettingsFailAtBuild() {
        AxerveConfig.Builder b = AxerveConfig.builder().environment(AxerveEnvironment.sandbox());
        assertThrows(IllegalArgumentException.class, () -> b.shopLogin(" ").build());
        b.shopLogin("S");
        assertThrows(IllegalArgumentException.class, () -> b.readTimeout(Duration.ZERO).build());
        b.readTimeout(Duration.ofSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> b.maxResponseBytes(10).build());
        assertThrows(NullPointerException.class,
                () -> AxerveConfig.builder().shopLogin("S").build());
    }

    @Test
    void requestBuildersRejectWhatAxerveWould() {
        assertThrows(IllegalArgumentException.class,
                () -> EncryptRequest.builder().uicCode("978").amount("1.00").shopTransactionId("x").build());
        assertThrows(IllegalArgumentException.class,
                () -> EncryptRequest.builder().uicCode("242").amount("1,00").shopTransactionId("x").build());
        assertThrows(IllegalArgumentException.class,
                () -> EncryptRequest.builder().uicCode("242").amount("1.000").shopTransactionId("x").build());
        assertThrows(IllegalArgumentException.class,
                () -> EncryptRequest.builder().uicCode("242").amount("1.00").build());
        assertThrows(IllegalArgumentException.class,
                () -> PagamRequest.builder().uicCode("242").amount("1.00").shopTransactionId("x")
                        .customInfo(java.util.Map.of("K", "a b")));
        assertThrows(IllegalArgumentException.class, () -> DeleteRequest.builder().build());
        assertThrows(IllegalArgumentException.class,
                () -> SettleRequest.builder().uicCode("242").amount("1.00").build());
        assertThrows(IllegalArgumentException.class,
                () -> RefundRequest.builder().uicCode("242").amount("1.00").shopTransactionId("x").build());
        assertFalse(EncryptRequest.builder().uicCode("242").amount("1.00").shopTransactionId("x")
                .buyerEmail("private@example.com").build().toString().contains("private@"));
    }
}
