package com.axpay.core.validation;

/**
 * The {@code recurring} object of POST /payments as received: mode and plan, unvalidated strings (null when absent).
 *
 * @param interval ISO-8601 period (P1M, P7D, P1Y)
 * @param startAt  ISO-8601 instant of the first recurring charge, or null
 * @param cycles   total number of charges as a decimal string, or null for "until cancelled"
 */
public record RecurringCommand(String mode, String amount, String currency, String interval, String startAt,
                               String cycles) {
}
