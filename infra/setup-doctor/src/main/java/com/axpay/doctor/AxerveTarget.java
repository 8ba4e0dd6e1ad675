package com.axpay.doctor;

import com.axpay.soap.AxerveEnvironment;
import java.net.URI;
import java.util.Locale;

/**
 * The Axerve environment the stack talks to. Only the two real ones have Amazon Pay settings; a custom base URL
 * (the local simulator) plays the Amazon journey itself and needs no Seller Central setup.
 */
record AxerveTarget(AxerveEnvironment environment, AmazonPaySettings amazonPay) {

    static AxerveTarget parse(String value) throws UsageException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "sandbox":
                return new AxerveTarget(AxerveEnvironment.sandbox(), AmazonPaySettings.SANDBOX);
            case "production":
                return new AxerveTarget(AxerveEnvironment.production(), AmazonPaySettings.PRODUCTION);
            default:
                try {
                    return new AxerveTarget(AxerveEnvironment.custom(URI.create(value)), null);
                } catch (IllegalArgumentException e) {
                    throw new UsageException("--env must be sandbox, production or an http(s) base URL: " + value);
                }
        }
    }

    /** sandbox or production: reachable only from the internet, with Seller Central settings. */
    boolean isReal() {
        return amazonPay != null;
    }

    boolean isProduction() {
        return amazonPay == AmazonPaySettings.PRODUCTION;
    }

    /** "sandbox", "production" or "custom". */
    String name() {
        return environment.name();
    }

    /** How sentences name it: "Axerve sandbox", or the base URL of a custom service. */
    String label() {
        return isReal() ? "Axerve " + name() : "the Axerve service at " + baseUrl();
    }

    String labelStartingASentence() {
        String label = label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** Where the shop's settings live: a real Back Office, or the simulator's merchant profile. */
    String backOffice() {
        return isReal() ? "the " + name() + " Back Office" : "the simulator's merchant profile at " + baseUrl();
    }

    /** The host of Axerve's services and payment page, e.g. {@code https://sandbox.gestpay.net}. */
    String baseUrl() {
        String page = environment.paymentPage().toString();
        return page.substring(0, page.indexOf("/pagam/"));
    }
}
