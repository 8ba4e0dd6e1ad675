package com.axpay.core.domain;

import java.math.BigDecimal;

/** Money amounts: exact decimals with two fraction digits, as Axerve's amount field takes them. */
public final class Amounts {

    private Amounts() {
    }

    /** The amount with scale 2; fails instead of rounding when it has more than two significant decimals. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** Parses a stored or wire decimal string ("12.5", "12.50") into scale 2. */
    public static BigDecimal parse(String amount) {
        return exact(new BigDecimal(amount.strip()));
    }

    /** The canonical decimal string ("12.50"), never exponent notation. */
    public static String format(BigDecimal amount) {
        return exact(amount).toPlainString();
    }

    /** Whether two amounts are the same money (12.5 equals 12.50). */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }
}
