package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.HandleBrowserReturn;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.AxerveQuery;

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
        AxerveQuery q = AxerveQuery.of(event);
        String which = Requests.route(event).endsWith("/ko") ? "negative" : "positive";
        if (!q.complete()) {
            return answer(log.warn("return without a and b"), AxerveQuery.incomplete(), start);
        }
        if (!q.plausible()) {
            // not Axerve's: the buyer lands on the storefront, and Axerve is not asked (no failure is counted)
            return answer(log.warn("return with a malformed b (" + which + ")"), withError("invalid_result"), start);
        }
        Optional<HandleBrowserReturn.Result> result;
        try {
            result = browserReturn.handle(q.a(), q.b());
        } catch (GatewayException e) {
            String code = GatewayFailures.isRefusal(e) ? "payment_not_found" : "gateway_unavailable";
            return answer(log.warn("return not decrypted (" + which + ")").errorCode(e.kind().name()),
                    withError(code), start);
        }
        if (result.isEmpty()) {
            return answer(log.warn("return for an unknown payment or another shop (" + which + ")"),
                    withError("payment_not_found"), start);
        }
        HandleBrowserReturn.Result r = result.get();
        return answer(log.info("buyer returned (" + which + (r.processing() ? ", processing" : "") + ")")
                .payment(r.payment()), HttpResponses.seeOther(r.redirectTarget()), start);
    }

    /** The storefront's default page with an error code, for a buyer whose payment cannot be shown. */
    private APIGatewayV2HTTPResponse withError(String code) {
        return HttpResponses.seeOther(defaultReturnUrl + (defaultReturnUrl.contains("?") ? "&" : "?") + "error=" + code);
    }
}
