package com.axpay.conformance;

/**
 * Where calls go: a base URL (Axerve's sandbox, or a simulator), the shop and its apikey, optionally a second shop
 * with separate capture (for settle and delete on an authorized payment), and who plays the buyer.
 */
record Target(String name, String baseUrl, String shopLogin, String apikey, String deferredShopLogin,
              String deferredApikey, Buyer buyer) {

    /** Plays the payment page for a CryptDecryptString; returns the {@code b} of the result, or null when skipped. */
    interface Buyer {
        String pay(Target target, String shopLogin, String cryptDecryptString, String scenario) throws Exception;
    }

    boolean hasDeferredShop() {
        return deferredShopLogin != null;
    }
}
