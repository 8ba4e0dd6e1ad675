package com.axpay.simulator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The validated parameters of an Encrypt or callPagamS2S call. */
record PaymentRequest(String uicCode, String amountText, BigDecimal amount, String buyerName, String buyerEmail,
                      String languageId, Map<String, String> customInfo, List<String> paymentTypes,
                      String billingAgreement) {
    static final String PAY_NOW_AND_RECURRING = "paynowandrecurring";
    static final String ONLY_RECURRING = "onlyrecurring";

    boolean onlyRecurring() { return ONLY_RECURRING.equalsIgnoreCase(billingAgreement); }

    boolean issuesToken() { return onlyRecurring() || PAY_NOW_AND_RECURRING.equalsIgnoreCase(billingAgreement); }

    boolean amazonPay() { return paymentTypes.contains("AMAZONPAY"); }
}
