package com.axpay.doctor;

/**
 * What Amazon Pay Seller Central must hold so that Axerve's payment page can run the Amazon journey for the
 * merchant (Axerve's Amazon Pay account-setup guide). These are Axerve's addresses, not the stack's.
 */
enum AmazonPaySettings {
    SANDBOX("https://sandbox.gestpay.net", "sandbox"),
    PRODUCTION("https://ecomm.sella.it", "production");

    /** Axerve's developer identity at Amazon MWS, the same in both environments. */
    static final String MWS_DEVELOPER_NAME = "Gestpay";
    static final String MWS_DEVELOPER_ID = "5535-2867-1582";
    static final String INTEGRATION_CENTRAL =
            "https://sellercentral-europe.amazon.com/external-payments/amazon-pay/integration-central/lwa";

    private final String origin;
    private final String sellerCentralView;

    AmazonPaySettings(String origin, String sellerCentralView) {
        this.origin = origin;
        this.sellerCentralView = sellerCentralView;
    }

    String javaScriptOrigin() {
        return origin;
    }

    String returnUrl() {
        return origin + "/pagam/AmazonPay.aspx";
    }

    String mobileReturnUrl() {
        return origin + "/pagam/Mobile/AmazonPay.aspx";
    }

    String ipnUrl() {
        return origin + "/pagam/AmazonPayNotification.aspx";
    }

    /** Seller Central's sandbox or production view. */
    String sellerCentralView() {
        return sellerCentralView;
    }
}
