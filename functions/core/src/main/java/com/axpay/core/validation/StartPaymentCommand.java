package com.axpay.core.validation;

import java.util.Map;

/**
 * The storefront's start-payment request as received (strings, unvalidated). Any field may be null.
 *
 * @param recurring the recurring request (mode and plan), null for a one-time payment
 */
public record StartPaymentCommand(String amount, String currency, String orderId, String buyerName,
                                  String buyerEmail, String language, Map<String, String> customInfo,
                                  String returnUrl, RecurringCommand recurring) {

    /** A one-time payment. */
    public StartPaymentCommand(String amount, String currency, String orderId, String buyerName, String buyerEmail,
                               String language, Map<String, String> customInfo, String returnUrl) {
        this(amount, currency, orderId, buyerName, buyerEmail, language, customInfo, returnUrl, null);
    }
}
