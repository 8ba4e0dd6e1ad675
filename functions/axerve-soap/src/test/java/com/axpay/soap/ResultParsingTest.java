package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Our own Axerve-shaped payloads, through the real client, into typed results. */
class ResultParsingTest {
    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();
    private AxerveClient client;

    @BeforeEach
    void start() {
        client = AxerveClient.create(fake.config().build());
    }

    @Test
    void escapedCdataBuyerAndElementCustomInfoFromS2S() {
        fake.respondXml(Soap.s2s("callPagamS2S", Soap.fields("TransactionType", "PAGAM", "TransactionResult", "OK",
                "ShopTransactionID", "ord-3", "BankTransactionID", "41", "AuthorizationCode", "A1B2C3",
                "Currency", "242", "Amount", "12.50", "Country", "ITALIA")
                + "<Buyer><BuyerName>&lt;![CDATA[Giulia Bianchi]]&gt;</BuyerName>"
                + "<BuyerEmail>&lt;![CDATA[giulia@example.org]]&gt;</BuyerEmail></Buyer>"
                + "<CustomInfo><ORDER_REF>R-77</ORDER_REF><CHANNEL>web</CHANNEL></CustomInfo>"
                + Soap.fields("ErrorCode", "0", "ErrorDescription", "Transazione correttamente effettuata",
                        "TransactionKey", "9001")
                + "<VbV><VbVFlag>OK</VbVFlag><VbVBuyer/><VbVRisp/></VbV>"
                + Soap.fields("PaymentMethod", "AMAZONPAY", "TOKEN", "AMZ-TOKEN-1", "TokenExpiryMonth", "09",
                        "TokenExpiryYear", "29")));
        AxerveResult r = client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("12.50")
                .shopTransactionId("ord-3").tokenValue("AMZ-TOKEN-1").build());
        assertEquals("Giulia Bianchi", r.buyer().name());
        assertEquals("giulia@example.org", r.buyer().email());
        assertEquals(Map.of("ORDER_REF", "R-77", "CHANNEL", "web"), r.customInfo());
        assertNull(r.customInfoRaw());
        assertEquals(new BigDecimal("12.50"), r.amountValue());
        assertEquals("OK", r.vbvFlag());
        assertNull(r.vbvRisp());
        assertEquals("AMZ-TOKEN-1", r.token());
        assertEquals("09", r.tokenExpiryMonth());
        assertEquals("29", r.tokenExpiryYear());
        assertEquals("AMAZONPAY", r.paymentMethod());
        assertEquals("A1B2C3", r.authorizationCode());
        assertEquals("ITALIA", r.country());
        assertFalse(r.toString().contains("Giulia"));
        assertFalse(r.toString().contains("giulia@"));
    }

    @Test
    void stringCustomInfoFromDecryptAndNamespacePrefixedPayload() {
        fake.respondXml(Soap.response(AxerveClient.CRYPT_NS, "Decrypt",
                "<g:GestPayCryptDecrypt xmlns:g=\"urn:any-namespace\">"
                        + "<g:TransactionType>DECRYPT</g:TransactionType><g:TransactionResult>OK</g:TransactionResult>"
                        + "<g:ShopTransactionID>ord-4</g:ShopTransactionID>"
                        + "<g:CustomInfo>ORDER_REF=R-78*P1*CART=c%2B9</g:CustomInfo>"
                        + "<g:Buyer><g:BuyerName>Plain Name</g:BuyerName></g:Buyer>"
                        + "<g:ErrorCode>0</g:ErrorCode></g:GestPayCryptDecrypt>"));
        AxerveResult r = client.decrypt("b-param");
        assertEquals("ord-4", r.shopTransactionId());
        assertEquals("ORDER_REF=R-78*P1*CART=c%2B9", r.customInfoRaw());
        assertEquals(List.of("ORDER_REF", "CART"), List.copyOf(r.customInfo().keySet()));
        assertEquals("c%2B9", r.customInfo().get("CART"));
        assertEquals("Plain Name", r.buyer().name());
        assertNull(r.buyer().email());
    }

    @Test
    void readTrxWithAmazonOrderReferenceDetails() {
        fake.respondXml(Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX", "TransactionResult",
                "OK", "TransactionState", "AUT", "ShopTransactionID", "ord-5", "BankTransactionID", "300",
                "AuthorizationCode", "777111", "Currency", "242", "Company", "AMAZONPAY")
                + "<Events><event><eventtype>AUT</eventtype><eventamount>20.00</eventamount>"
                + "<eventdate>02/03/26 10:11:12</eventdate><eventARN>ARN9</eventARN><eventID>E1</eventID></event>"
                + "<event><eventtype>MOV</eventtype><eventamount>20.00</eventamount>"
                + "<eventdate>02/03/26 10:11:13</eventdate><eventARN/><eventID/></event></Events>"
                + "<RISK><RiskResponseCode>approved</RiskResponseCode><RiskResponseDescription/></RISK>"
                + Soap.fields("ErrorCode", "0", "AlertCode", "", "AlertDescription", "")
                + "<OrderReferenceDetails><OrderReferenceStatus><State>Open</State><ReasonCode>None</ReasonCode>"
                + "</OrderReferenceStatus><OrderLanguage>en-GB</OrderLanguage><Destination>"
                + "<DestinationType>Physical</DestinationType><PhysicalDestination><StateOrRegion>TO</StateOrRegion>"
                + "<Phone>0110000000</Phone><City>TORINO</City><CountryCode>IT</CountryCode>"
                + "<PostalCode>10100</PostalCode><Name>Anna Verdi</Name><AddressLine1>via Po 1</AddressLine1>"
                + "<AddressLine2>scala B</AddressLine2></PhysicalDestination></Destination>"
                + "<ExpirationTimestamp>2026-09-01T08:00:00.000Z</ExpirationTimestamp><IdList/>"
                + "<SellerOrderAttributes><SellerOrderId>ord-5</SellerOrderId></SellerOrderAttributes>"
                + "<OrderTotal><CurrencyCode>EUR</CurrencyCode><Amount>20.00</Amount></OrderTotal>"
                + "<Buyer><Name>Anna</Name><Email>anna@example.net</Email><Phone>0110000001</Phone></Buyer>"
                + "<ReleaseEnvironment>Sandbox</ReleaseEnvironment>"
                + "<AmazonOrderReferenceId>S02-1234567-7654321</AmazonOrderReferenceId>"
                + "<CreationTimestamp>2026-03-02T10:11:00.000Z</CreationTimestamp>"
                + "<BillingAddress><PhysicalAddress><City>Milano</City><CountryCode>IT</CountryCode>"
                + "<PostalCode>20100</PostalCode><Name>Anna Verdi</Name><AddressLine1/>"
                + "<AddressLine2>corso Como 2</AddressLine2></PhysicalAddress><AddressType>Physical</AddressType>"
                + "</BillingAddress><RequestPaymentAuthorization>true</RequestPaymentAuthorization>"
                + "</OrderReferenceDetails>"));
        AxerveResult r = client.callReadTrxS2S("ord-5", null);
        assertEquals("AUT", r.transactionState());
        assertEquals("AMAZONPAY", r.company());
        assertEquals(2, r.events().size());
        assertEquals(new AxerveResult.Event("AUT", "20.00", "02/03/26 10:11:12", "E1", "ARN9"), r.events().get(0));
        assertNull(r.events().get(1).arn());
        assertEquals("approved", r.riskResponseCode());
        assertNull(r.alertCode());
        AxerveResult.OrderReferenceDetails o = r.orderReferenceDetails();
        assertEquals("Open", o.state());
        assertEquals("None", o.reasonCode());
        assertEquals("en-GB", o.orderLanguage());
        assertEquals("Physical", o.destinationType());
        assertEquals("TORINO", o.destination().city());
        assertEquals("scala B", o.destination().addressLine2());
        assertEquals("0110000000", o.destination().phone());
        assertEquals("TO", o.destination().stateOrRegion());
        assertEquals("Milano", o.billingAddress().city());
        assertNull(o.billingAddress().addressLine1());
        assertEquals("Physical", o.billingAddressType());
        assertEquals(new AxerveResult.AmazonBuyer("Anna", "anna@example.net", "0110000001"), o.buyer());
        assertEquals(new AxerveResult.OrderTotal("EUR", "20.00"), o.orderTotal());
        assertEquals("ord-5", o.sellerOrderId());
        assertEquals("Sandbox", o.releaseEnvironment());
        assertEquals("S02-1234567-7654321", o.amazonOrderReferenceId());
        assertEquals("2026-03-02T10:11:00.000Z", o.creationTimestamp());
        assertEquals("2026-09-01T08:00:00.000Z", o.expirationTimestamp());
        assertTrue(o.requestPaymentAuthorization());
        assertFalse(r.toString().contains("Anna"));
        assertFalse(o.toString().contains("Verdi"));
    }

    @Test
    void minimalPayloadLeavesEverythingElseEmpty() {
        fake.respondXml(Soap.s2s("callRefundS2S", Soap.fields("TransactionType", "Refund", "TransactionResult", "OK")));
        AxerveResult r = client.callRefundS2S(RefundRequest.builder().uicCode("242").amount("1.00")
                .shopTransactionId("o").bankTransactionId("1").build());
        assertEquals("Refund", r.transactionType());
        assertNull(r.errorCode());
        assertNull(r.buyer());
        assertNull(r.amountValue());
        assertNull(r.orderReferenceDetails());
        assertTrue(r.events().isEmpty());
        assertTrue(r.customInfo().isEmpty());
    }

    @Test
    void encryptResultAndPaymentPageUrl() {
        fake.respondXml(Soap.ENCRYPT_OK);
        EncryptResult e = client.encrypt(EncryptRequest.builder().uicCode("242").amount("10.00")
                .shopTransactionId("ord-6").paymentType("AMAZONPAY").build());
        assertEquals("Zx81*abc_Q9", e.cryptDecryptString());
        assertEquals("0", e.errorCode());
        assertEquals(fake.base() + "/pagam/pagam.aspx?a=GESPAY99001&b=Zx81*abc_Q9",
                client.paymentPageUrl(e.cryptDecryptString()).toString());
    }
}
