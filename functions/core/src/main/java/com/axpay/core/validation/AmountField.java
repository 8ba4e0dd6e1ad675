package com.axpay.core.validation;

import com.axpay.core.domain.Amounts;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one definition of an amount a caller may send, on every route (payments, refunds, recurring plans, upsells,
 * widget payments) and in openapi.yaml's {@code Amount} schema: a decimal string of at most 6 integer digits and 2
 * decimals, greater than 0. Axerve takes at most 9 characters and we always send 2 decimals, so 999999.99 is the
 * largest amount that reaches Axerve unchanged. A JSON number is refused by the body readers (it may be rounded).
 */
public final class AmountField {

    /** openapi.yaml's Amount pattern, without its anchors. */
    public static final String PATTERN = "[0-9]{1,6}(\\.[0-9]{1,2})?";
    public static final BigDecimal MAX = new BigDecimal("999999.99");
    public static final String RULE = "must be a decimal string greater than 0 with at most 6 digits before the '.'"
            + " and 2 after, like \"12.50\" (at most 999999.99)";
    private static final Pattern AMOUNT = Pattern.compile(PATTERN);

    private AmountField() {
    }

    /** The amount with scale 2, or null (and an error on {@code field}) when absent or outside the rule. */
    public static BigDecimal parse(String field, String text, List<ValidationError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new ValidationError(field, "is required"));
            return null;
        }
        BigDecimal amount = valueOf(text);
        if (amount == null) {
            errors.add(new ValidationError(field, RULE));
        }
        return amount;
    }

    /** The amount with scale 2, or null when {@code text} is not an amount by the rule. */
    public static BigDecimal valueOf(String text) {
        if (text == null || !AMOUNT.matcher(text).matches()) {
            return null;
        }
        BigDecimal amount = Amounts.parse(text);
        return amount.signum() > 0 ? amount : null;
    }
}
