package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The simulated Amazon widgets as the script drives them over HTTP (the browser test drives the script itself): the
 * ids they create, the choices they record, and what callPagamS2S and callReadTrxS2S then make of a transKey.
 */
class AmazonWidgetsTest extends SimTestBase {
    private static final String AMAZON = "<paymentType>AMAZONPAY</paymentType>";

    private JsonNode widgetCall(String path, String json, int status) throws Exception {
        HttpResponse<String> r = client.http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "text/plain")
                .header("Origin", "http://127.0.0.1:3000").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(""), "the shop's page may call");
        return AdminApi.JSON.readTree(r.body());
    }

    private String signIn(String agreementType) throws Exception {
        return widgetCall("/amazon/widgets/order-references", "{\"sellerId\":\"A1SELLER\",\"buyerEmail\":"
                + "\"anna@example.com\",\"agreementType\":\"" + agreementType + "\"}", 201).get("id").asText();
    }

    private SimClient.Payload pagam(String id, String transKey) throws Exception {
        return client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242", "amount", "19.90",
                "shopTransactionId", id, "transKey", transKey, "paymentTypes", AMAZON);
    }

    @Test
    void scriptIsServedForAnyOriginWithTheAddressBookAndWallet() throws Exception {
        HttpResponse<String> js = client.get("/amazon/widgets.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElse("").startsWith("application/javascript"));
        assertTrue(js.body().contains("OffAmazonPayments"), "Amazon's global name");
        assertTrue(js.body().contains("Lukas Schmidt, Hauptstrasse 12"), "the address book is written in");
        assertTrue(js.body().contains("\"invalid-payment-method-soft\""), "every wallet method is a scenario");
        assertFalse(js.body().contains("\"pending-ok\""), "a synchronous charge cannot be pending");
        assertFalse(js.body().contains("/*BOOK*/"));
    }

    @Test
    void chosenMethodAndAddressDecideTheChargeAndTheReadTrx() throws Exception {
        String ref = signIn("OrderReference");
        assertTrue(ref.matches("S02-\\d{7}-\\d{7}"), ref);
        JsonNode chosen = widgetCall("/amazon/widgets/order-references/" + ref,
                "{\"address\":2,\"method\":\"invalid-payment-method-soft\"}", 200);
        assertEquals(2, chosen.get("address").asInt());

        SimClient.Payload p = pagam("W-1", ref);
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("74", p.text("ErrorCode"));
        assertTrue(p.text("ErrorDescription").contains("InvalidPaymentMethod (soft decline)"), p.text("ErrorDescription"));

        // the buyer picks another method on the same order reference and the shop tries again
        widgetCall("/amazon/widgets/order-references/" + ref, "{\"method\":\"success\"}", 200);
        assertEquals("OK", pagam("W-2", ref).text("TransactionResult"));
        SimClient.Payload trx = client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "W-2");
        assertEquals(ref, trx.text("OrderReferenceDetails/AmazonOrderReferenceId"));
        assertEquals("Lukas Schmidt", trx.text("OrderReferenceDetails/Destination/PhysicalDestination/Name"));
        assertEquals("Berlin", trx.text("OrderReferenceDetails/Destination/PhysicalDestination/City"));
        assertEquals("anna@example.com", trx.text("OrderReferenceDetails/Buyer/Email"));
        assertEquals("", pagam("W-3", ref).text("TOKEN"), "an order reference never yields a token");
    }

    @Test
    void anIdAmazonNeverIssuedIsRefused() throws Exception {
        SimClient.Payload p = pagam("W-4", "S02-1234567-0000000");
        assertEquals("KO", p.text("TransactionResult"));
        assertEquals("1105", p.text("ErrorCode"));
        assertEquals("W-4", p.text("ShopTransactionID"));
        assertEquals("2011", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "W-4")
                .text("ErrorCode"), "nothing was created");
        assertEquals(404, client.get("/amazon/widgets/order-references/S02-1234567-0000000").statusCode());
    }

    @Test
    void withoutChoicesAmazonRefusesAsItWould() throws Exception {
        String ref = signIn("OrderReference");
        assertEquals("5003", pagam("W-5", ref).text("ErrorCode"), "no address chosen");
        widgetCall("/amazon/widgets/order-references/" + ref, "{\"address\":0}", 200);
        assertEquals("5002", pagam("W-6", ref).text("ErrorCode"), "no payment method chosen");
        widgetCall("/amazon/widgets/order-references/" + ref, "{\"method\":\"pending-ok\"}", 400);
        widgetCall("/amazon/widgets/order-references/" + ref, "{\"address\":9}", 400);
    }

    @Test
    void aConsentedBillingAgreementComesBackAsTheTokenForLaterCharges() throws Exception {
        String agreement = signIn("BillingAgreement");
        assertTrue(agreement.matches("C02-\\d{7}-\\d{7}"), agreement);
        widgetCall("/amazon/widgets/order-references/" + agreement, "{\"address\":1,\"method\":\"success\",\"consent\":true}", 200);
        SimClient.Payload first = pagam("B-1", agreement);
        assertEquals("OK", first.text("TransactionResult"));
        assertEquals(agreement, first.text("TOKEN"));
        assertTrue(first.text("TokenExpiryYear").matches("\\d{2}"));

        SimClient.Payload upsell = client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "9.90", "shopTransactionId", "B-2", "tokenValue", agreement, "paymentTypes", AMAZON);
        assertEquals("OK", upsell.text("TransactionResult"));
        assertEquals(1, sim.chargeCount(agreement));
    }

    @Test
    void withoutConsentABillingAgreementIsChargedOnceAndGivesNoToken() throws Exception {
        String agreement = signIn("BillingAgreement");
        widgetCall("/amazon/widgets/order-references/" + agreement, "{\"address\":0,\"method\":\"success\"}", 200);
        SimClient.Payload p = pagam("B-3", agreement);
        assertEquals("OK", p.text("TransactionResult"));
        assertEquals("", p.text("TOKEN"));
        assertEquals("1165", client.call("callPagamS2S", "shopLogin", "GESPAY00001", "uicCode", "242",
                "amount", "9.90", "shopTransactionId", "B-4", "tokenValue", agreement, "paymentTypes", AMAZON)
                .text("ErrorCode"));
    }

    @Test
    void badWidgetRequestsGetClearErrors() throws Exception {
        widgetCall("/amazon/widgets/order-references", "{\"sellerId\":\"A1\",\"buyerEmail\":\"nobody\"}", 400);
        widgetCall("/amazon/widgets/order-references", "not json", 400);
        widgetCall("/amazon/widgets/order-references", "{\"sellerId\":\"A1\",\"buyerEmail\":\"a@b.c\","
                + "\"agreementType\":\"Other\"}", 400);
        widgetCall("/amazon/widgets/order-references/S02-0000000-0000009", "{}", 404);
    }
}
