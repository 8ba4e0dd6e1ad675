package com.axpay.core.validation;

import java.util.Map;

/** The storefront's start-payment request as received (strings, unvalidated). Any field may be null. */
public record StartPaymentCommand(String amount, String currency, String orderId, String buyerName,
                                  String buyerEmail, String language, Map<String, String> customInfo,
                                  String returnUrl) {
}
