package com.axpay.core.domain;

/**
 * Why a payment did not succeed, with the message the storefront may show the buyer. The gateway adapter chooses it
 * from the gateway's code (never from its localized description) or from the wallet's reason when one is available.
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

    private final String buyerMessage;

    DeclineReason(String buyerMessage) {
        this.buyerMessage = buyerMessage;
    }

    public String buyerMessage() {
        return buyerMessage;
    }

    /**
     * True for the reasons only the wallet gives (never a gateway's generic code): a decline stored with one of them
     * already says all there is to say, so no later query is needed to refine it.
     */
    public boolean walletOnly() {
        return this == INVALID_PAYMENT_METHOD || this == AMAZON_REJECTED || this == PROCESSING_FAILURE
                || this == TRANSACTION_TIMED_OUT;
    }
}
