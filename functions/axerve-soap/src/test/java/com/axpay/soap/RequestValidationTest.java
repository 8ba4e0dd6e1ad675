package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A request Axerve would refuse is refused when it is built, with a message naming the parameter. */
class RequestValidationTest {
    private static void refused(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    @Test
    void paymentsNeedCurrencyAmountAndShopTransactionId() {
        refused("uicCode is required", () -> EncryptRequest.builder().amount("1").shopTransactionId("s").build());
        refused("amount is required", () -> PagamRequest.builder().uicCode("242").shopTransactionId("s").build());
        refused("shopTransactionId is required",
                () -> EncryptRequest.builder().uicCode("242").amount("1").shopTransactionId(" ").build());
    }

    @Test
    void amountsHaveAtMostTwoDecimalsAndADot() {
        for (String bad : new String[] {"10,00", "1.234", "1e3", "-1", "1 000"}) {
            refused("amount must look like 10 or 10.00 (max 2 decimals, '.' separator)",
                    () -> SettleRequest.builder().uicCode("242").amount(bad).shopTransactionId("s").build());
        }
        SettleRequest.builder().uicCode("242").amount("10.5").shopTransactionId("s").build();
    }

    @Test
    void theCurrencyMustBeAnAxerveUicCode() {
        refused("uicCode EUR is not an Axerve UIC currency code (EUR is 242)",
                () -> RefundRequest.builder().uicCode("EUR").amount("1").shopTransactionId("s")
                        .bankTransactionId("b").build());
    }

    @Test
    void refundsNeedBothIdsAndAShortReason() {
        refused("bankTransactionId is required",
                () -> RefundRequest.builder().uicCode("242").amount("1").shopTransactionId("s").build());
        refused("refundReason is longer than 50 characters",
                () -> RefundRequest.builder().uicCode("242").amount("1").shopTransactionId("s")
                        .bankTransactionId("b").refundReason("r".repeat(51)).build());
    }

    @Test
    void settleDeleteAndReadNeedOneOfTheTwoIds() {
        String either = "shopTransactionId or bankTransactionId is required";
        refused(either, () -> SettleRequest.builder().uicCode("242").amount("1").build());
        refused(either, () -> DeleteRequest.builder().cancelReason("r").build());
        refused("cancelReason is longer than 50 characters",
                () -> DeleteRequest.builder().bankTransactionId("b").cancelReason("c".repeat(51)).build());
        AxerveClient client = AxerveClient.create(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(URI.create("http://127.0.0.1:9"))).shopLogin("S")
                .build());
        refused(either, () -> client.callReadTrxS2S(" ", null));
        refused("tokenValue is required", () -> client.callDeleteTokenS2S(null));
        refused("cryptedString is required", () -> client.decrypt(""));
    }

    @Test
    void customInfoWithACharacterAxerveForbidsFailsAtOnce() {
        assertThrows(IllegalArgumentException.class,
                () -> PagamRequest.builder().customInfo(Map.of("ORDER", "a&b")));
    }

    @Test
    void aBuilderCanBeReusedWithoutChangingWhatItBuilt() {
        EncryptRequest.Builder b = EncryptRequest.builder().uicCode("242").amount("1.00").shopTransactionId("first");
        EncryptRequest first = b.build();
        b.shopTransactionId("second").amount("2.00");
        assertEquals("first", first.shopTransactionId());
        assertEquals("1.00", first.amount());
        assertEquals("second", b.build().shopTransactionId());
    }
}
