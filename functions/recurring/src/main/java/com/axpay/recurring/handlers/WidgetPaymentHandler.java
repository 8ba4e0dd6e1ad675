package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.PayWithOrderReference;
import com.axpay.core.usecase.PaymentConflictException;
import com.axpay.core.validation.ValidationError;
import com.axpay.core.validation.ValidationException;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.PaymentJson;
import com.axpay.kit.http.RequestBody;
import com.axpay.recurring.ProcessRecurringWiring;
import com.axpay.recurring.RecurringWiring;

import java.util.Map;

/**
 * POST /payments/widget {orderId, amount, currency, amazonOrderReferenceId, recurring?}: the custom-widget flow,
 * answered with the payment's outcome (201 new, 200 the same order again). Idempotent by orderId like POST /payments.
 * With the buyer's consent the id is a billing agreement and {@code recurring} (mode paynowandrecurring and a plan,
 * as in POST /payments) makes the token of a successful payment an agreement.
 */
public final class WidgetPaymentHandler extends StorefrontHandler {

    private final PayWithOrderReference pay;

    public WidgetPaymentHandler() {
        this(ProcessRecurringWiring.get());
    }

    public WidgetPaymentHandler(RecurringWiring wiring) {
        super("WidgetPayment", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.pay = wiring.widgetPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        try {
            Map<?, ?> b = RequestBody.object(event, false);
            PayWithOrderReference.Result r = pay.pay(new PayWithOrderReference.Command(str(b, "orderId"),
                    str(b, "amount"), str(b, "currency"), str(b, "amazonOrderReferenceId"),
                    WidgetRecurring.parse(b.get("recurring"))));
            int status = r.created() ? 201 : 200;
            log.info("widget payment").payment(r.payment()).status(status).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(status, PaymentJson.full(r.payment()));
        } catch (ValidationException e) {
            log.warn("invalid request").status(400).latencyMs(elapsedMs(start)).write();
            return HttpResponses.validationError(e.errors().stream()
                    .map(v -> Map.of("field", v.field(), "message", v.message())).toList());
        } catch (PaymentConflictException e) {
            log.warn("order has a live payment with another amount").status(409).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(409, Map.of("error", Map.of("code", "order_conflict", "message",
                    "This orderId already has a live payment with a different amount or currency.",
                    "paymentId", e.paymentId())));
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse r = GatewayFailures.response(e);
            log.warn("Axerve callPagamS2S failed").errorCode(e.kind().name()).status(r.getStatusCode())
                    .latencyMs(elapsedMs(start)).write();
            return r;
        }
    }

    private static String str(Map<?, ?> m, String k) {
        return m.get(k) instanceof String s ? s : null;
    }
}
