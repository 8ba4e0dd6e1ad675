package com.axpay.kit.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;

/** An Axerve failure as the storefront's HTTP answer: 504 timeout, 503 Axerve's own error, 502 no usable answer. */
public final class GatewayFailures {

    private GatewayFailures() {
    }

    /** The HTTP status for a failure that wants a retry later (also what Axerve's S2S call gets). */
    public static int retryStatus(GatewayException e) {
        return switch (e.kind()) {
            case TIMEOUT -> 504;
            case SYSTEM -> 503;
            default -> 502;
        };
    }

    /** True when the call reached Axerve and Axerve refused this request for good (not worth a redelivery). */
    public static boolean isRefusal(GatewayException e) {
        return switch (e.kind()) {
            case DECLINED, INVALID_REQUEST, NOT_FOUND -> true;
            default -> false;
        };
    }

    /** The log's errorCode for a failure: its kind, and Axerve's error code when there is one ({@code DECLINED:2017}). */
    public static String logCode(GatewayException e) {
        return e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode());
    }

    public static APIGatewayV2HTTPResponse response(GatewayException e) {
        String retry = e.outcomeUnknown()
                ? " The payment is kept; send the same request again to resume it."
                : " Try again later.";
        return switch (e.kind()) {
            case DECLINED, INVALID_REQUEST -> HttpResponses.error(422, "gateway_rejected",
                    "Axerve refused the payment request (error " + e.errorCode() + ").");
            case ALREADY_PROCESSED -> HttpResponses.error(409, "gateway_already_processed",
                    "Axerve already has a result for this payment; read its state with GET /payments/{paymentId}.");
            case AUTH -> HttpResponses.error(502, "gateway_configuration",
                    "Axerve refused this shop's credentials; check the shop login, apikey and allowed IPs.");
            case TIMEOUT -> HttpResponses.error(504, "gateway_timeout", "Axerve did not answer in time." + retry);
            case SYSTEM -> HttpResponses.error(503, "gateway_unavailable", "Axerve reported a system error." + retry);
            default -> HttpResponses.error(502, "gateway_error", "Axerve gave no usable answer." + retry);
        };
    }
}
