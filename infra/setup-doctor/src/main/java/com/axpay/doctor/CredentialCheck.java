package com.axpay.doctor;

import com.axpay.doctor.CheckResult.Problem;
import com.axpay.doctor.CheckResult.Status;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveException;
import com.axpay.soap.EncryptRequest;
import com.axpay.soap.UicCurrency;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves the shop login and apikey with one Encrypt of a tiny Amazon Pay payment. Encrypt only prepares a payment
 * page: nothing is charged unless someone opens that page and pays, and the doctor never opens it.
 */
final class CredentialCheck {
    static final String AMOUNT = "0.01";
    static final String ID_PREFIX = "DOCTOR-";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    CredentialCheck(Clock clock) {
        this.clock = clock;
    }

    /** @param apikey null when the shop authenticates by IP only */
    CheckResult run(AxerveTarget target, String shopLogin, String apikey) {
        if (shopLogin == null) {
            return CheckResult.failed(Problem.MISSING_SHOP_LOGIN, "Not checked: no shop login.",
                    List.of("Pass --shop-login or set " + DoctorOptions.ENV_SHOP_LOGIN + "."));
        }
        AxerveConfig config = AxerveConfig.builder().environment(target.environment()).shopLogin(shopLogin)
                .apikey(apikey).build();
        String shopTransactionId = ID_PREFIX + ID_TIME.format(clock.instant());
        EncryptRequest request = EncryptRequest.builder().uicCode(UicCurrency.EUR.uic()).amount(AMOUNT)
                .shopTransactionId(shopTransactionId).paymentType("AMAZONPAY").build();
        try {
            AxerveClient.create(config).encrypt(request);
        } catch (AxerveException e) {
            CheckResult explained = FailureExplainer.explain(e, target, config);
            return new CheckResult(Status.FAILED, explained.problem(), shopTransactionId, e.errorCode(),
                    e.errorCode() == null ? null : e.errorDescription(), explained.summary(), explained.advice());
        }
        return new CheckResult(Status.PASSED, null, shopTransactionId, null, null,
                target.labelStartingASentence() + " accepted shop " + shopLogin + " ("
                        + (apikey == null ? "no apikey sent: this machine's IP address is allowed"
                                : "apikey accepted")
                        + ") and prepared a test Amazon Pay payment of " + AMOUNT + " EUR.",
                advice(target, apikey));
    }

    private static List<String> advice(AxerveTarget target, String apikey) {
        List<String> advice = new ArrayList<>();
        advice.add("Harmless: Encrypt only prepares a payment page. Nothing is charged unless someone opens that"
                + " page and pays, and the doctor never opens it.");
        if (apikey == null && target.isReal()) {
            advice.add("Without an apikey Axerve trusted this machine's address, but the functions in AWS call"
                    + " from other addresses. " + StaticEgress.HOW_TO + " Or use an apikey.");
        }
        return advice;
    }
}
