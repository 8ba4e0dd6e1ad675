package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.HandleGatewayNotification;
import com.axpay.core.validation.ResultStrings;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;

import java.util.Map;

/**
 * GET /axerve/s2s: Axerve's server-to-server notification. 200 once the outcome is stored (a duplicate too); 4xx
 * when nothing may change (result string malformed or not decryptable, unknown transaction, another shop, amount or
 * currency not ours), so Axerve stops; 5xx when Axerve or our store is unavailable, so Axerve sends it again.
 */
public final class AxerveNotificationHandler extends ApiHandler {

    private final HandleGatewayNotification notification;

    public AxerveNotificationHandler() {
        this(ProcessWiring.get());
    }

    public AxerveNotificationHandler(PaymentsWiring wiring) {
        super("AxerveNotification", wiring.axerveSecrets());
        this.notification = wiring.notification();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, long start) {
        String a = Requests.query(event, "a");
        String b = Requests.query(event, "b");
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            log.warn("notification without a and b").status(400).latencyMs(elapsedMs(start)).write();
            return HttpResponses.error(400, "invalid_request", "query parameters a and b are required");
        }
        if (!ResultStrings.plausible(b)) {
            // not Axerve's: refused without a Decrypt, which could only fail (and count as an Axerve failure)
            log.warn("notification with a malformed b").status(400).latencyMs(elapsedMs(start)).write();
            return HttpResponses.error(400, "undecryptable", "The result string could not be decrypted.");
        }
        HandleGatewayNotification.Result r;
        try {
            r = notification.handle(a, b);
        } catch (GatewayException e) {
            boolean refusal = GatewayFailures.isRefusal(e);
            int status = refusal ? 400 : GatewayFailures.retryStatus(e);
            log.warn(refusal ? "notification not decryptable" : "Axerve unavailable, redelivery wanted")
                    .errorCode(e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode())).status(status)
                    .latencyMs(elapsedMs(start)).write();
            return refusal
                    ? HttpResponses.error(400, "undecryptable", "The result string could not be decrypted.")
                    : HttpResponses.error(status, "gateway_unavailable", "Axerve could not be reached; send again.");
        }
        return switch (r.status()) {
            case ACCEPTED -> {
                log.info("notification stored").payment(r.payment()).status(200).latencyMs(elapsedMs(start))
                        .dimension("state", r.payment().state().name()).metric("PaymentOutcomes", 1, "Count")
                        .write();
                yield HttpResponses.json(200, Map.of("received", true));
            }
            case REJECTED_FOREIGN_SHOP -> reject(403, "foreign_shop", "Not this shop's notification.", r, start);
            case REJECTED_UNKNOWN_TRANSACTION -> reject(404, "unknown_transaction", "No payment has this transaction.",
                    r, start);
            case REJECTED_MISMATCH -> reject(422, "amount_mismatch",
                    "Amount or currency differ from the payment's; nothing was changed.", r, start);
        };
    }

    private APIGatewayV2HTTPResponse reject(int status, String code, String message,
                                            HandleGatewayNotification.Result r, long start) {
        log.warn("notification rejected: " + code).payment(r.payment()).status(status).latencyMs(elapsedMs(start))
                .write();
        return HttpResponses.error(status, code, message);
    }
}
