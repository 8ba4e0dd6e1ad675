package com.axpay.core.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartPaymentValidatorTest {

    private static final String RETURN = "https://shop.example.test/return";

    /** Stand-in for Axerve's forbidden characters, which the wiring supplies. */
    private final StartPaymentValidator validator = new StartPaymentValidator(Set.of("EUR", "USD"),
            ReturnUrlAllowList.of(List.of(RETURN)), s -> s.contains("&") || s.contains(" "));

    private static StartPaymentCommand command(String amount, String currency, String orderId) {
        return new StartPaymentCommand(amount, currency, orderId, "Maria Rossi", "maria@example.test", "it",
                Map.of("STORE", "north"), RETURN + "/ok");
    }

    private List<ValidationError> errors(StartPaymentCommand c) {
        return assertThrows(ValidationException.class, () -> validator.validate(c)).errors();
    }

    private void assertOnlyError(StartPaymentCommand c, String field) {
        List<ValidationError> errors = errors(c);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(field, errors.get(0).field());
    }

    @Test
    void validCommandIsNormalized() {
        ValidStartPayment v = validator.validate(new StartPaymentCommand("12.5", "eur", "order_1-A", " Maria Rossi ",
                "maria@example.test", "IT", Map.of("STORE", "north"), RETURN));

        assertEquals(new BigDecimal("12.50"), v.amount());
        assertEquals("EUR", v.currency());
        assertEquals("it", v.language());
        assertEquals("Maria Rossi", v.buyer().name());
        assertEquals(Map.of("STORE", "north"), v.customInfo());
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        ValidStartPayment v = validator.validate(
                new StartPaymentCommand("1", "USD", "o1", null, null, null, null, RETURN));

        assertNull(v.language());
        assertNull(v.buyer().name());
        assertEquals(Map.of(), v.customInfo());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0.01", "12.5", "999999.99", "000012.50"})
    void acceptedAmounts(String amount) {
        validator.validate(command(amount, "EUR", "o1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-1", "12.505", "1e3", "12,50", " 12", "12.", ".5", "abc", "1234567.89",
            "9999999999"})
    void rejectedAmounts(String amount) {
        assertOnlyError(command(amount, "EUR", "o1"), "amount");
    }

    @Test
    void unsupportedOrMalformedCurrency() {
        assertOnlyError(command("1", "GBP", "o1"), "currency");
        assertOnlyError(command("1", "EURO", "o1"), "currency");
        assertOnlyError(command("1", null, "o1"), "currency");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order 1", "order/1", "ordine-è", "o.1"})
    void rejectedOrderIds(String orderId) {
        assertOnlyError(command("1", "EUR", orderId), "orderId");
    }

    @Test
    void orderIdIsBounded() {
        validator.validate(command("1", "EUR", "a".repeat(StartPaymentValidator.MAX_ORDER_ID_LENGTH)));
        assertOnlyError(command("1", "EUR", "a".repeat(StartPaymentValidator.MAX_ORDER_ID_LENGTH + 1)), "orderId");
    }

    @Test
    void buyerFieldsAreBoundedAndEmailChecked() {
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", "n".repeat(51), null, null, null, RETURN),
                "buyer.name");
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, "not-an-email", null, null, RETURN),
                "buyer.email");
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, "a".repeat(46) + "@x.it", null, null,
                RETURN), "buyer.email");
    }

    @Test
    void languageMustBeOneAxerveKnows() {
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, "pt", null, RETURN), "language");
    }

    @Test
    void customInfoValuesPassTheWiringsCharacterCheck() {
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, Map.of("NOTE", "a&b"), RETURN),
                "customInfo.NOTE");
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, Map.of("NOTE", "x*P1*y"),
                RETURN), "customInfo.NOTE");
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, Map.of("BAD KEY", "v"),
                RETURN), "customInfo");
    }

    @Test
    void customInfoIsBoundedPerValueAndInTotal() {
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, Map.of("K", "v".repeat(301)),
                RETURN), "customInfo.K");
        Map<String, String> big = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            big.put("K" + i, "v".repeat(250)); // 4 * (3 + 250) + 3 * 4 = 1024 > 1000
        }
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, big, RETURN), "customInfo");
    }

    @Test
    void returnUrlMustBeAllowed() {
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, null,
                "https://evil.example.test/return"), "returnUrl");
        assertOnlyError(new StartPaymentCommand("1", "EUR", "o1", null, null, null, null, null), "returnUrl");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ValidationError> errors = errors(new StartPaymentCommand("0", "XXX", "bad id", null, "x", "zz",
                null, "http://evil.example.test/"));

        assertEquals(List.of("amount", "currency", "orderId", "buyer.email", "language", "returnUrl"),
                errors.stream().map(ValidationError::field).toList());
        assertTrue(errors.stream().noneMatch(e -> e.message().isBlank()));
    }

    @Test
    void configurationIsCheckedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new StartPaymentValidator(Set.of(),
                ReturnUrlAllowList.of(List.of(RETURN)), s -> false));
    }
}
