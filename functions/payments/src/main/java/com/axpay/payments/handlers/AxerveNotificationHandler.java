package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.HandleGatewayNotification;
import com.axpay.kit.handler.ApiHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.AxerveQuery;

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
        AxerveQuery q = AxerveQuery.of(event);
        if (!q.complete()) {
            return answer(log.warn("notification without a and b"), AxerveQuery.incomplete(), start);
        }
        if (!q.plausible()) {
            // not Axerve's: refused without a Decrypt, which could only fail (and count as an Axerve failure)
            return answer(log.warn("notification with a malformed b"), undecryptable(), start);
        }
        HandleGatewayNotification.Result r;
        try {
            r = notification.handle(q.a(), q.b());
        } catch (GatewayException e) {
            boolean refusal = GatewayFailures.isRefusal(e);
            return answer(log.warn(refusal ? "notification not decryptable" : "Axerve unavailable, redelivery wanted")
                            .errorCode(GatewayFailures.logCode(e)),
                    refusal ? undecryptable() : HttpResponses.error(GatewayFailures.retryStatus(e),
                            "gateway_unavailable", "Axerve could not be reached; send again."), start);
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
        return answer(log.warn("notification rejected: " + code).payment(r.payment()),
                HttpResponses.error(status, code, message), start);
    }

    private static APIGatewayV2HTTPResponse undecryptable() {
        return HttpResponses.error(400, "undecryptable", "The result string could not be decrypted.");
    }
}
