package com.axpay.simulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A merchant as configured in Axerve's Back Office. Null URLs fall back to the simulator's start-up options;
 * null allowedIps / currencies mean "all".
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MerchantProfile(String shopLogin, String apikey, List<String> allowedIps, Boolean active,
                              List<String> currencies, String captureMode, String positiveUrl, String negativeUrl,
                              String s2sUrl) {
    public static final String IMMEDIATE = "immediate";
    public static final String DEFERRED = "deferred";

    public MerchantProfile {
        if (shopLogin == null || shopLogin.isBlank() || shopLogin.length() > 30) {
            throw new IllegalArgumentException("shopLogin must be 1..30 characters");
        }
        if (active == null) active = Boolean.TRUE;
        if (captureMode == null) captureMode = IMMEDIATE;
        if (!IMMEDIATE.equals(captureMode) && !DEFERRED.equals(captureMode)) {
            throw new IllegalArgumentException("captureMode must be immediate or deferred");
        }
        allowedIps = allowedIps == null ? null : List.copyOf(allowedIps);
        currencies = currencies == null ? null : List.copyOf(currencies);
    }

    public static MerchantProfile open(String shopLogin, String positiveUrl, String negativeUrl, String s2sUrl) {
        return new MerchantProfile(shopLogin, null, null, true, null, IMMEDIATE, positiveUrl, negativeUrl, s2sUrl);
    }

    MerchantProfile withShopLogin(String v) {
        return new MerchantProfile(v, apikey, allowedIps, active, currencies, captureMode, positiveUrl, negativeUrl, s2sUrl);
    }

    boolean deferredCapture() { return DEFERRED.equals(captureMode); }
}
