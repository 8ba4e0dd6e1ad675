package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every real Axerve response in {@code ../shared/axerve/samples} (full envelopes, payload-only fixtures and the
 * well-formed documentation examples) goes through the real client and parses to the right typed result.
 */
class RecordedResponsesTest {
    private static final List<String> S2S_OPS = List.of("callPagamS2S", "callReadTrxS2S", "callRefundS2S",
            "callSettleS2S", "callDeleteS2S", "CallRequestTokenS2S");

    /** What one sample produced: a result, or the KO exception (whose result is kept too), or an Encrypt string. */
    private record Outcome(AxerveResult result, AxerveException error, String cryptDecryptString) {
    }

    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();
    private AxerveClient client;
    private final Map<String, Consumer<Outcome>> expectations = new HashMap<>();

    @BeforeEach
    void start() {
        client = AxerveClient.create(fake.config().build());
        expect();
    }

    private void expect() {
        // dSmart WSs2s recordings
        expectations.put("dSmart-srl-gestpay__delete_ko__1_callDeleteS2S", o -> {
            assertInstanceOf(AxerveInvalidRequestException.class, o.error());
            assertEquals("2017", o.error().errorCode());
            assertEquals("7", o.result().bankTransactionId());
            assertNull(o.result().shopTransactionId());
        });
        expectations.put("dSmart-srl-gestpay__delete_ok__1_callDeleteS2S", o -> {
            assertEquals("Delete", o.result().transactionType());
            assertEquals(TransactionOutcome.OK, o.result().outcome());
            assertEquals("7", o.result().bankTransactionId());
        });
        expectations.put("dSmart-srl-gestpay__payment_ko__1_callPagamS2S", o -> {
            assertInstanceOf(AxerveDeclinedException.class, o.error());
            assertEquals("74", o.error().errorCode());
            assertEquals("19", o.result().bankTransactionId());
            assertEquals("Test Customer", o.result().buyer().name());
            assertEquals(Map.of("PAYMENT_ID", "15", "USER_ID", "12"), o.result().customInfo());
        });
        expectations.put("dSmart-srl-gestpay__payment_ok__1_callPagamS2S", o -> {
            AxerveResult r = o.result();
            assertEquals("PAGAM", r.transactionType());
            assertEquals("123456", r.authorizationCode());
            assertEquals("17", r.bankTransactionId());
            assertEquals("12", r.shopTransactionId());
            assertEquals("242", r.currency());
            assertEquals("0.02", r.amount());
            assertEquals("ITALIA", r.country());
            assertEquals("Test Customer", r.buyer().name());
            assertEquals("test@example.com", r.buyer().email());
            assertEquals("15", r.customInfo().get("PAYMENT_ID"));
            assertEquals("MASTERCARD SECURECODE", r.paymentMethod());
            assertEquals("987654321", r.transactionKey());
            assertEquals("OK", r.vbvFlag());
            assertNull(r.token());
        });
        expectations.put("dSmart-srl-gestpay__payment_token__1_callPagamS2S", o -> {
            assertEquals("641535", o.result().authorizationCode());
            assertEquals("21", o.result().bankTransactionId());
        });
        expectations.put("dSmart-srl-gestpay__payment_visa__1_callPagamS2S", o -> {
            assertEquals("8006", o.error().errorCode());
            assertEquals("987654321", o.result().transactionKey());
            assertEquals("OK", o.result().vbvBuyer());
            assertTrue(o.result().vbvRisp().startsWith("mRTLDNghVNbEYcEsmpi5"));
            assertNull(o.result().buyer());
        });
        expectations.put("dSmart-srl-gestpay__request_token_ok__1_CallRequestTokenS2S", o -> {
            assertEquals(TransactionOutcome.OK, o.result().outcome());
            assertEquals("0", o.result().errorCode());
            assertEquals("45OGBX64451Y7165", o.result().token());
            assertEquals("12", o.result().tokenExpiryMonth());
            assertEquals("20", o.result().tokenExpiryYear());
            assertEquals("Credit", o.result().productType());
        });
        expectations.put("dSmart-srl-gestpay__request_token_ko__1_CallRequestTokenS2S", o -> {
            assertEquals(TransactionOutcome.KO, o.result().outcome());
            assertEquals("405", o.result().errorCode());
            assertEquals("Autorizzazione negata dai circuiti", o.result().errorDescription());
            assertNull(o.result().token());
        });
        expectations.put("dSmart-srl-gestpay__settle_ko__1_callSettleS2S", o -> {
            assertInstanceOf(AxerveInvalidRequestException.class, o.error());
            assertEquals("2016", o.error().errorCode());
        });
        expectations.put("dSmart-srl-gestpay__settle_ok__1_callSettleS2S", o -> {
            assertEquals("Settle", o.result().transactionType());
            assertEquals("2", o.result().bankTransactionId());
        });
        // net2b WSCryptDecrypt recordings
        expectations.put("net2b-spree_gestpay__decrypt_ko__1_Decrypt", o -> {
            assertNull(o.error(), "a declined payment is data, not an exception");
            assertEquals(TransactionOutcome.KO, o.result().outcome());
            assertEquals("74", o.result().errorCode());
            assertEquals("321_KO", o.result().shopTransactionId());
            assertEquals("6", o.result().bankTransactionId());
            assertEquals("test@example.com", o.result().buyer().email());
        });
        expectations.put("net2b-spree_gestpay__decrypt_ko__2_Decrypt", o -> {
            assertInstanceOf(AxerveSystemException.class, o.error());
            assertTrue(o.error().outcomeUnknown());
            assertEquals("Errore Tecnico", o.error().errorDescription());
        });
        expectations.put("net2b-spree_gestpay__decrypt_ok__1_Decrypt", o -> {
            AxerveResult r = o.result();
            assertEquals(TransactionOutcome.OK, r.outcome());
            assertEquals("123", r.shopTransactionId());
            assertEquals("5", r.bankTransactionId());
            assertEquals("0.01", r.amount());
            assertEquals("242", r.currency());
            assertTrue(r.customInfo().isEmpty());
        });
        expectations.put("net2b-spree_gestpay__encrypt_ko__1_Encrypt", o -> {
            assertInstanceOf(AxerveInvalidRequestException.class, o.error());
            assertEquals("1008", o.error().errorCode());
        });
        expectations.put("net2b-spree_gestpay__encrypt_ok__1_Encrypt",
                o -> assertTrue(o.cryptDecryptString().startsWith("i3eUhxjb5HNxldtVSXb4")));
        expectations.put("net2b-spree_gestpay__token__1_Encrypt",
                o -> assertTrue(o.cryptDecryptString().startsWith("qFuAQHY5L8Trjqu")));
        // endelwar payload-only fixtures
        expectations.put("endelwar-GestPayWS__DecryptResult_inner_OK", o -> {
            AxerveResult r = o.result();
            assertEquals("0013R4", r.authorizationCode());
            assertEquals("STORE_ID=1*P1*STORE_NAME=Negozio%2BAbc", r.customInfoRaw());
            assertEquals(Map.of("STORE_ID", "1", "STORE_NAME", "Negozio%2BAbc"), r.customInfo());
            assertEquals("HALF", r.tdLevel());
            assertEquals("Name Surname", r.buyer().name());
            assertNull(r.alertCode());
        });
        expectations.put("endelwar-GestPayWS__DecryptResult_inner_KO_1142", o -> assertEquals(
                AxerveAuthenticationException.Reason.IP_NOT_ALLOWED,
                assertInstanceOf(AxerveAuthenticationException.class, o.error()).reason()));
        expectations.put("endelwar-GestPayWS__DecryptResult_inner_KO_9999",
                o -> assertInstanceOf(AxerveSystemException.class, o.error()));
        expectations.put("endelwar-GestPayWS__EncryptResult_inner_KO_1142",
                o -> assertInstanceOf(AxerveAuthenticationException.class, o.error()));
        expectations.put("endelwar-GestPayWS__EncryptResult_inner_OK",
                o -> assertTrue(o.cryptDecryptString().startsWith("7_uiFEF9drv60")));
        expectations.put("endelwar-GestPayWS__WSCryptDecryptTest_Decrypt_inner_OK",
                o -> assertEquals("Manuel Test", o.result().buyer().name()));
        expectations.put("endelwar-GestPayWS__WSCryptDecryptTest_Encrypt_inner_OK",
                o -> assertTrue(o.cryptDecryptString().startsWith("0epeznjSImzE")));
        // documentation examples
        expectations.put("hype-app_gestpay-api__DecryptResult", o -> {
            assertEquals("985.40", o.result().amount());
            assertEquals("created", o.result().riskResponseCode());
        });
        expectations.put("hype-app_gestpay-api__EncryptResult",
                o -> assertEquals("897543..", o.cryptDecryptString()));
        expectations.put("hype-app_gestpay-api__callPagamS2S_response", o -> {
            AxerveResult r = o.result();
            assertEquals("40L76FDIEFMH1112", r.token());
            assertEquals("40L76FDIEFMH1112", r.maskedPan());
            assertEquals("VISA VBV", r.paymentMethod());
            assertEquals("approved", r.riskResponseCode());
            assertEquals("KO", r.vbvFlag());
            assertEquals("US", r.country());
        });
        expectations.put("hype-app_gestpay-api__callReadTrxS2S_AmazonPay", o -> {
            AxerveResult r = o.result();
            assertEquals("QUERYTX", r.transactionType());
            assertEquals("MOV", r.transactionState());
            assertEquals("AMAZONPAY", r.company());
            assertEquals("008152", r.authorizationCode());
            assertEquals(List.of("AUT", "MOV"), r.events().stream().map(AxerveResult.Event::type).toList());
            assertEquals("10.00", r.events().get(1).amount());
            assertEquals("13/11/17 11:32:45", r.events().get(0).date());
            assertNull(r.buyer());
            AxerveResult.OrderReferenceDetails d = r.orderReferenceDetails();
            assertEquals("Draft", d.state());
            assertEquals("it-IT", d.orderLanguage());
            assertEquals("BIELLA", d.destination().city());
            assertEquals("BI", d.destination().stateOrRegion());
            assertEquals("13900", d.destination().postalCode());
            assertEquals("Marco Rossi", d.destination().name());
            assertEquals("Neunkirchen", d.billingAddress().city());
            assertEquals("Meininger Strasse 58", d.billingAddress().addressLine2());
            assertNull(d.billingAddress().addressLine1());
            assertEquals("marco.rossi@email.it", d.buyer().email());
            assertEquals(new AxerveResult.OrderTotal("EUR", "10.00"), d.orderTotal());
            assertEquals("4354395804398dkfjlhsdfk", d.sellerOrderId());
            assertEquals("Sandbox", d.releaseEnvironment());
            assertEquals("S02-0319513-4657042", d.amazonOrderReferenceId());
            assertEquals("2017-11-14T07:24:02.186Z", d.creationTimestamp());
            assertEquals("2018-05-13T07:24:02.186Z", d.expirationTimestamp());
            assertEquals(Boolean.FALSE, d.requestPaymentAuthorization());
        });
        expectations.put("hype-app_gestpay-api__callRefundS2S_response", o -> {
            assertEquals("Refund", o.result().transactionType());
            assertEquals("159247522", o.result().bankTransactionId());
        });
        expectations.put("hype-app_gestpay-api__callSettleS2S_response",
                o -> assertEquals("MYSHOP-00142", o.result().shopTransactionId()));
        expectations.put("hype-app_gestpay-api__CallRequestTokenS2S_response",
                o -> assertEquals("44MRWNA710AC4448", o.result().token()));
    }

    @Test
    void everyRecordedResponseParses() {
        Path dir = SharedSamples.dir();
        List<Path> samples = SharedSamples.responses(dir);

        TreeSet<String> seen = new TreeSet<>();
        List<String> notWellFormed = new ArrayList<>();
        for (Path sample : samples) {
            String name = sample.getFileName().toString();
            String key = name.substring(0, name.indexOf('.'));
            String xml = SharedSamples.read(sample);
            try {
                Xml.parse(xml);
            } catch (IllegalArgumentException malformed) {
                notWellFormed.add(key);
                continue;
            }
            Outcome o = run(operationOf(key), xml);
            assertNotNull(o.result() != null ? o.result().outcome() : o.cryptDecryptString(), key);
            Consumer<Outcome> check = expectations.get(key);
            if (check == null) {
                fail("no expectation for sample " + key);
            }
            try {
                check.accept(o);
            } catch (AssertionError e) {
                throw new AssertionError(key + ": " + e.getMessage(), e);
            }
            seen.add(key);
        }
        assertEquals(new TreeSet<>(expectations.keySet()), seen, "every expected sample was found and checked");
        // the samples README names the one published response example that is not well-formed
        assertEquals(List.of("hype-app_gestpay-api__callDeleteS2S_response"), notWellFormed);
    }

    private static String operationOf(String key) {
        String rest = key.substring(key.indexOf("__") + 2);
        for (String op : S2S_OPS) {
            if (rest.contains(op)) {
                return op;
            }
        }
        if (Pattern.compile("(^|_)Encrypt").matcher(rest).find()) {
            return "Encrypt";
        }
        if (Pattern.compile("(^|_)Decrypt").matcher(rest).find()) {
            return "Decrypt";
        }
        throw new IllegalArgumentException("cannot tell the operation of " + key);
    }

    private Outcome run(String op, String xml) {
        if (op.equals("CallRequestTokenS2S")) { // not a client operation: exercise the payload parser alone
            return new Outcome(PayloadParser.parse(Xml.parse(SharedSamples.payloadOf(xml)).getDocumentElement()),
                    null, null);
        }
        String ns = op.startsWith("call") ? AxerveClient.S2S_NS : AxerveClient.CRYPT_NS;
        fake.respondXml(xml.contains("Envelope") ? xml : Soap.response(ns, op, SharedSamples.payloadOf(xml)));
        try {
            return switch (op) {
                case "Encrypt" -> new Outcome(null, null, client.encrypt(EncryptRequest.builder().uicCode("242")
                        .amount("1.00").shopTransactionId("x").build()).cryptDecryptString());
                case "Decrypt" -> new Outcome(client.decrypt("b"), null, null);
                case "callPagamS2S" -> new Outcome(client.callPagamS2S(PagamRequest.builder().uicCode("242")
                        .amount("1.00").shopTransactionId("x").tokenValue("t").build()), null, null);
                case "callReadTrxS2S" -> new Outcome(client.callReadTrxS2S("x", null), null, null);
                case "callRefundS2S" -> new Outcome(client.callRefundS2S(RefundRequest.builder().uicCode("242")
                        .amount("1.00").shopTransactionId("x").bankTransactionId("1").build()), null, null);
                case "callSettleS2S" -> new Outcome(client.callSettleS2S(SettleRequest.builder().uicCode("242")
                        .amount("1.00").bankTransactionId("1").build()), null, null);
                case "callDeleteS2S" -> new Outcome(client.callDeleteS2S(DeleteRequest.builder()
                        .bankTransactionId("1").build()), null, null);
                default -> throw new IllegalArgumentException(op);
            };
        } catch (AxerveException e) {
            return new Outcome(e.result(), e, null);
        }
    }
}
