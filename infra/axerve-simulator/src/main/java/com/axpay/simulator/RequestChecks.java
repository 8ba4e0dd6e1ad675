package com.axpay.simulator;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Axerve's parameter validations, each mapped to its error code. */
final class RequestChecks {
    private static final List<String> FORBIDDEN = List.of("&", " ", "§", "(", ")", "*", "<", ">", ",", ";", ":",
            "/", "[", "]", "?", "=", "--", "%", "~", "°");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");
    private static final Pattern AMAZON_SHOP_TX_ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** A percent-encoded octet: the only form of {@code %} a customInfo value may carry (see the README). */
    private static final Pattern PERCENT_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern CUSTOM_KEY = Pattern.compile("[A-Za-z0-9_]{1,50}");
    private static final List<String> LANGUAGES = List.of("1", "2", "3", "4", "5");

    private RequestChecks() {}

    /** Shop known and active, caller IP allowed, apikey right: the checks every operation makes first. */
    static MerchantProfile authenticate(SimulatorState state, String shopLogin, String apikey, String callerIp)
            throws AxerveError {
        if (blank(shopLogin)) throw new AxerveError(ErrorCatalog.MANDATORY_MISSING);
        MerchantProfile m = state.merchant(shopLogin).orElseThrow(() -> new AxerveError(ErrorCatalog.SHOP_UNKNOWN));
        if (!m.active()) throw new AxerveError(ErrorCatalog.SHOP_INACTIVE);
        if (m.allowedIps() != null && !m.allowedIps().contains(callerIp)) throw new AxerveError(ErrorCatalog.INVALID_IP);
        if (m.apikey() != null && !m.apikey().equals(apikey)) throw new AxerveError(ErrorCatalog.INVALID_APIKEY);
        return m;
    }

    /** Validates the payment parameters shared by Encrypt and callPagamS2S (after the shopTransactionId). */
    static PaymentRequest payment(SoapRequest req, MerchantProfile m) throws AxerveError {
        String uic = req.param("uicCode");
        String amountText = req.param("amount");
        if (blank(uic) || blank(amountText)) throw new AxerveError(ErrorCatalog.MANDATORY_MISSING);
        if (Currencies.iso(uic).isEmpty() || (m.currencies() != null && !m.currencies().contains(uic))) {
            throw new AxerveError(ErrorCatalog.INVALID_CURRENCY);
        }
        BigDecimal amount = amount(amountText);
        String buyerName = req.param("buyerName");
        String buyerEmail = req.param("buyerEmail");
        if (tooLong(buyerName, 50) || tooLong(buyerEmail, 50)) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
        String language = req.param("languageId");
        if (!blank(language) && !LANGUAGES.contains(language)) throw new AxerveError(ErrorCatalog.INVALID_LANGUAGE);
        Map<String, String> customInfo = customInfo(req.param("customInfo"));
        return new PaymentRequest(uic, amountText, amount, buyerName, buyerEmail, blank(language) ? "1" : language,
                customInfo, req.list("paymentTypes", "paymentType"), req.param("amazonPayBillingAgreementDescription"));
    }

    static void mandatory(SoapRequest req, String... names) throws AxerveError {
        for (String n : names) {
            if (blank(req.param(n))) throw new AxerveError(ErrorCatalog.MANDATORY_MISSING);
        }
    }

    static void shopTransactionId(String id) throws AxerveError {
        if (blank(id)) throw new AxerveError(ErrorCatalog.MANDATORY_MISSING);
        if (id.length() > 50) throw new AxerveError(ErrorCatalog.SHOP_TX_ID_TOO_LONG);
        if (hasForbidden(id)) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
    }

    /**
     * Amazon Pay's own rule for its shopTransactionIds: only letters, digits, '-' and '_' (1105), at most 32
     * characters (1116). Checked on top of {@link #shopTransactionId}, which also refuses "--".
     */
    static void amazonShopTransactionId(String id) throws AxerveError {
        if (id.length() > 32) throw new AxerveError(ErrorCatalog.SHOP_TX_ID_TOO_LONG);
        if (!AMAZON_SHOP_TX_ID.matcher(id).matches()) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
    }

    /** {@code .} decimal, at most 2 decimals, no thousands separator (1113); above zero, at most 9 chars (1114). */
    static BigDecimal amount(String text) throws AxerveError {
        if (!AMOUNT.matcher(text).matches()) throw new AxerveError(ErrorCatalog.AMOUNT_FORMAT);
        BigDecimal v = new BigDecimal(text);
        if (text.length() > 9 || v.signum() <= 0) throw new AxerveError(ErrorCatalog.AMOUNT_RANGE);
        return v;
    }

    /** {@code k=v*P1*k=v}: at most 1000 chars, values at most 300 chars and free of Axerve's forbidden characters. */
    static Map<String, String> customInfo(String raw) throws AxerveError {
        Map<String, String> out = new LinkedHashMap<>();
        if (blank(raw)) return out;
        if (raw.length() > 1000) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
        for (String pair : raw.split(Pattern.quote("*P1*"), -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            boolean forbidden = hasForbidden(PERCENT_ENCODED.matcher(value).replaceAll(""));
            if (!CUSTOM_KEY.matcher(key).matches() || value.length() > 300 || forbidden) {
                throw new AxerveError(ErrorCatalog.INVALID_VALUE);
            }
            out.put(key, value);
        }
        return out;
    }

    static boolean blank(String s) { return s == null || s.isBlank(); }

    private static boolean tooLong(String s, int max) { return s != null && s.length() > max; }

    private static boolean hasForbidden(String s) {
        for (String f : FORBIDDEN) {
            if (s.contains(f)) return true;
        }
        return false;
    }
}
