package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Explicit KO answers become the exception class that tells the caller what to do. */
class KoClassificationTest {
    private static final String APIKEY = "apikey-must-not-leak-42";
    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();
    private AxerveClient client;

    @BeforeEach
    void start() {
        client = AxerveClient.create(fake.config().apikey(APIKEY).build());
    }

    private AxerveException pagamFails() {
        return assertThrows(AxerveException.class, () -> client.callPagamS2S(PagamRequest.builder().uicCode("242")
                .amount("10.00").shopTransactionId("ord-9").tokenValue("TOK").build()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "74, AxerveDeclinedException, false",
        "97, AxerveDeclinedException, false",
        "251, AxerveDeclinedException, false",
        "405, AxerveDeclinedException, false",
        "1143, AxerveDeclinedException, false",
        "1164, AxerveDeclinedException, false",
        "5001, AxerveDeclinedException, false",
        "5003, AxerveDeclinedException, false",
        "1105, AxerveInvalidRequestException, false",
        "1141, AxerveInvalidRequestException, false",
        "1403, AxerveInvalidRequestException, false",
        "2014, AxerveInvalidRequestException, false",
        "2017, AxerveInvalidRequestException, false",
        "4801, AxerveInvalidRequestException, false",
        "8015, AxerveInvalidRequestException, false",
        "1142, AxerveAuthenticationException, false",
        "1169, AxerveAuthenticationException, false",
        "1137, AxerveAlreadyProcessedException, false",
        "4707, AxerveAlreadyProcessedException, false",
        "2011, AxerveNotFoundException, false",
        "9999, AxerveSystemException, true",
    })
    void koCodeMapsToClass(String code, String expectedClass, boolean outcomeUnknown) {
        fake.respondXml(Soap.s2s("callPagamS2S", Soap.fields("TransactionType", "PAGAM", "TransactionResult", "KO",
                "ShopTransactionID", "ord-9", "BankTransactionID", "123", "ErrorCode", code, "ErrorDescription",
                "Descrizione " + code)));
        AxerveException e = pagamFails();
        assertEquals(expectedClass, e.getClass().getSimpleName());
        assertEquals(code, e.errorCode());
        assertEquals("Descrizione " + code, e.errorDescription());
        assertEquals(outcomeUnknown, e.outcomeUnknown());
        assertEquals("callPagamS2S", e.operation());
        assertNotNull(e.result());
        assertEquals("123", e.result().bankTransactionId());
        assertFalse(e.getMessage().contains(APIKEY));
    }

    @Test
    void authenticationSaysWhichCheckFailed() {
        fake.respondXml(Soap.ko("callReadTrxS2S", "QUERYTX", "1142", "Chiamata non accettata: indirizzo IP non valido"));
        AxerveAuthenticationException ip = assertThrows(AxerveAuthenticationException.class,
                () -> client.callReadTrxS2S("ord-1", null));
        assertSame(AxerveAuthenticationException.Reason.IP_NOT_ALLOWED, ip.reason());

        fake.respondXml(Soap.ko("callReadTrxS2S", "QUERYTX", "1169", "Chiamata non accettata: apikey non valida"));
        AxerveAuthenticationException key = assertThrows(AxerveAuthenticationException.class,
                () -> client.callReadTrxS2S("ord-1", null));
        assertSame(AxerveAuthenticationException.Reason.INVALID_APIKEY, key.reason());
        assertFalse(key.getMessage().contains(APIKEY));
        assertFalse(key.toString().contains(APIKEY));
    }

    @Test
    void declinedPaymentCarriesTheWholeResult() {
        fake.respondXml(Soap.s2s("callPagamS2S", Soap.fields("TransactionType", "PAGAM", "TransactionResult", "KO",
                "ShopTransactionID", "ord-9", "BankTransactionID", "19", "Currency", "242", "Amount", "10.00",
                "ErrorCode", "74", "ErrorDescription", "Autorizzazione negata", "TransactionKey", "555")));
        AxerveDeclinedException e = assertInstanceOf(AxerveDeclinedException.class, pagamFails());
        assertEquals(TransactionOutcome.KO, e.result().outcome());
        assertEquals("10.00", e.result().amount());
        assertEquals("555", e.result().transactionKey());
    }

    @Test
    void encryptKoThrows() {
        fake.respondXml(Soap.ko("Encrypt", "ENCRYPT", "1142", "Chiamata non accettata: indirizzo IP non valido"));
        assertThrows(AxerveAuthenticationException.class, () -> client.encrypt(
                EncryptRequest.builder().uicCode("242").amount("1").shopTransactionId("x").build()));
    }

    @Test
    void decryptOfADeclinedPaymentReturnsTheResult() {
        fake.respondXml(Soap.crypt("Decrypt", Soap.fields("TransactionType", "DECRYPT", "TransactionResult", "KO",
                "ShopTransactionID", "ord-7", "BankTransactionID", "6", "ErrorCode", "1143", "ErrorDescription",
                "Transazione abbandonata dal compratore")));
        AxerveResult r = client.decrypt("crypted");
        assertEquals(TransactionOutcome.KO, r.outcome());
        assertEquals("1143", r.errorCode());
        assertEquals("ord-7", r.shopTransactionId());
    }

    @Test
    void decryptPendingReturnsXX() {
        fake.respondXml(Soap.crypt("Decrypt", Soap.fields("TransactionType", "DECRYPT", "TransactionResult", "XX",
                "ShopTransactionID", "ord-8", "ErrorCode", "0")));
        assertEquals(TransactionOutcome.XX, client.decrypt("crypted").outcome());
    }

    @Test
    void decryptKoWithoutTransactionThrows() {
        fake.respondXml(Soap.ko("Decrypt", "DECRYPT", "9999", "Errore Tecnico"));
        AxerveSystemException sys = assertThrows(AxerveSystemException.class, () -> client.decrypt("garbage"));
        assertTrue(sys.outcomeUnknown());

        fake.respondXml(Soap.ko("Decrypt", "DECRYPT", "1169", "apikey non valida"));
        assertThrows(AxerveAuthenticationException.class, () -> client.decrypt("garbage"));
    }
}
