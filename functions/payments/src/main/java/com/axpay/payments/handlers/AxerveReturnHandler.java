package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.HandleBrowserReturn;
import com.axpay.core.validation.ResultStrings;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;

import java.util.Optional;

/**
 * GET /axerve/return/ok and /axerve/return/ko: the buyer's browser back from the payment page. The route only
 * tells which URL Axerve used; the state comes from our record, never from the browser. The buyer always lands on
 * a storefront page: the payment's return URL, or the configured default with an {@code error} code when the
 * payment cannot be identified ({@code payment_not_found}), its result string is not one Axerve writes
 * ({@code invalid_result}) or Axerve cannot be reached ({@code gateway_unavailable}).
 */
public final class AxerveReturnHandler extends ApiHandler {

    private final HandleBrowserReturn browserReturn;
    private final String defaultReturnUrl;

    public AxerveReturnHandler() {
        this(ProcessWiring.get());
    }

    public AxerveReturnHandler(PaymentsWiring wiring) {
        super("AxerveReturn", wiring.axerveSecrets());
        this.browserReturn = wiring.browserReturn();
        this.defaultReturnUrl = wiring.config().defaultReturnUrl();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, long start) {
        String a = Requests.query(event, "a");
        String b = Requests.query(event, "b");
        String which = Requests.route(event).endsWith("/ko") ? "negative" : "positive";
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            log.warn("return without a and b").status(400).latencyMs(elapsedMs(start)).write();
            return HttpResponses.error(400, "invalid_request", "query parameters a and b are required");
        }
        if (!ResultStrings.plausible(b)) {
            // not Axerve's: the buyer lands on the storefront, and Axerve is not asked (no failure is counted)
            log.warn("return with a malformed b (" + which + ")").status(303).latencyMs(elapsedMs(start)).write();
            return HttpResponses.seeOther(withError("invalid_result"));
        }
        Optional<HandleBrowserReturn.Result> result;
        try {
            result = browserReturn.handle(a, b);
        } catch (GatewayException e) {
            String code = GatewayFailures.isRefusal(e) ? "payment_not_found" : "gateway_unavailable";
            log.warn("return not decrypted (" + which + ")").errorCode(e.kind().name()).status(303)
                    .latencyMs(elapsedMs(start)).write();
            return HttpResponses.seeOther(withError(code));
        }
        if (result.isEmpty()) {
            log.warn("return for an unknown payment or another shop (" + which + ")").status(303)
                    .latencyMs(elapsedMs(start)).write();
            return HttpResponses.seeOther(withError("payment_not_found"));
        }
        HandleBrowserReturn.Result r = result.get();
        log.info("buyer returned (" + which + (r.processing() ? ", processing" : "") + ")").payment(r.payment())
                .status(303).latencyMs(elapsedMs(start)).write();
        return HttpResponses.seeOther(r.redirectTarget());
    }

    private String withError(String code) {
        return defaultReturnUrl + (defaultReturnUrl.contains("?") ? "&" : "?") + "error=" + code;
    }
}
