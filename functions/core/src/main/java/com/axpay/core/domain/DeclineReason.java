package com.axpay.core.domain;

import java.util.Map;
import java.util.Set;

/**
 * Why a payment did not succeed, with the message the storefront may show the buyer. Looked up from Axerve's
 * ErrorCode (never from its localized description) or from an Amazon reason code when one is available.
 */
public enum DeclineReason {
    ABANDONED_BY_BUYER("The payment was not completed. You can try again."),
    AUTHORIZATION_DENIED("The payment was declined. Please use another payment method."),
    INSUFFICIENT_FUNDS("The payment was declined for insufficient funds. Please use another payment method."),
    PAYMENT_METHOD_NOT_ALLOWED("This payment method cannot be used for this order. Please choose another one in your Amazon account."),
    PAYMENT_PLAN_NOT_SET("No payment method was selected. Please choose one in your Amazon account and try again."),
    SHIPPING_ADDRESS_NOT_SET("No shipping address was selected. Please choose one in your Amazon account and try again."),
    INVALID_PAYMENT_METHOD("Please update your payment method in your Amazon account and try again."),
    AMAZON_REJECTED("Amazon Pay could not process this payment. Please use another payment method."),
    PROCESSING_FAILURE("The payment could not be processed right now. Please try again later."),
    TRANSACTION_TIMED_OUT("The payment could not be processed in time. Please try again."),
    EXPIRED("The payment session expired. Please start the payment again."),
    OTHER("The payment could not be completed. Please try again or use another payment method.");

    private static final Map<String, DeclineReason> BY_AMAZON_REASON = Map.of(
            "InvalidPaymentMethod", INVALID_PAYMENT_METHOD,
            "AmazonRejected", AMAZON_REJECTED,
            "ProcessingFailure", PROCESSING_FAILURE,
            "TransactionTimedOut", TRANSACTION_TIMED_OUT,
            "PaymentMethodNotAllowed", PAYMENT_METHOD_NOT_ALLOWED,
            "HardDeclined", AUTHORIZATION_DENIED,
            "SoftDeclined", AUTHORIZATION_DENIED,
            "BuyerCanceled", ABANDONED_BY_BUYER);

    /** Axerve codes meaning the buyer left or cancelled (1140, 1143, 2005, 2500, 2501). */
    static final Set<String> ABANDON_CODES = Set.of("1140", "1143", "2005", "2500", "2501");

    private final String buyerMessage;

    DeclineReason(String buyerMessage) {
        this.buyerMessage = buyerMessage;
    }

    public String buyerMessage() {
        return buyerMessage;
    }

    /** Reason for an Axerve ErrorCode of a negative (KO) result. */
    public static DeclineReason fromErrorCode(String errorCode) {
        if (errorCode == null) {
            return OTHER;
        }
        String code = errorCode.strip();
        if (ABANDON_CODES.contains(code)) {
            return ABANDONED_BY_BUYER;
        }
        switch (code) {
            case "5001": return PAYMENT_METHOD_NOT_ALLOWED;
            case "5002": return PAYMENT_PLAN_NOT_SET;
            case "5003": return SHIPPING_ADDRESS_NOT_SET;
            case "251": return INSUFFICIENT_FUNDS;
            case "2011": case "4800": return EXPIRED;
            case "74": case "97": case "405": case "7400": case "7500": case "7600": return AUTHORIZATION_DENIED;
            default:
                return isDenialRange(code) ? AUTHORIZATION_DENIED : OTHER;
        }
    }

    /** Reason for an Amazon Pay reason code (e.g. InvalidPaymentMethod), or OTHER. */
    public static DeclineReason fromAmazonReasonCode(String reasonCode) {
        return reasonCode == null ? OTHER : BY_AMAZON_REASON.getOrDefault(reasonCode.strip(), OTHER);
    }

    private static boolean isDenialRange(String code) {
        try {
            int n = Integer.parseInt(code);
            return n >= 901 && n <= 920;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
