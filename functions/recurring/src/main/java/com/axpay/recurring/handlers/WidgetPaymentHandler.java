package com.axpay.recurring.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.PayWithOrderReference;
import com.axpay.core.usecase.PaymentConflictException;
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
            PayWithOrderReference.Result r = pay.pay(new PayWithOrderReference.Command(
                    RequestBody.text(b, "orderId"), RequestBody.text(b, "amount"), RequestBody.text(b, "currency"),
                    RequestBody.text(b, "amazonOrderReferenceId"), WidgetRecurring.parse(b.get("recurring"))));
            return answer(log.info("widget payment").payment(r.payment()),
                    HttpResponses.json(r.created() ? 201 : 200, PaymentJson.full(r.payment())), start);
        } catch (ValidationException e) {
            return answer(log.warn("invalid request"), HttpResponses.validationError(e), start);
        } catch (PaymentConflictException e) {
            return answer(log.warn("order has a live payment with another amount"),
                    HttpResponses.orderConflict(e.paymentId()), start);
        } catch (GatewayException e) {
            return answer(log.warn("Axerve callPagamS2S failed").errorCode(e.kind().name()),
                    GatewayFailures.response(e), start);
        }
    }
}
