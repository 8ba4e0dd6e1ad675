package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.CancelPayment;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;
import com.axpay.payments.http.OperationResponses;

/**
 * POST /payments/{paymentId}/cancel: voids an authorization not yet captured (callDeleteS2S). 200 with the
 * CANCELED payment (also when it was cancelled before); 409 already captured (refund instead), Axerve refused
 * (e.g. 2017), or another capture or cancel in progress; 404 unknown payment; 504/502 Axerve's answer lost (the
 * attempt is kept UNKNOWN and the same request again settles it from Axerve).
 */
public final class CancelPaymentHandler extends StorefrontHandler {

    private final CancelPayment cancel;

    public CancelPaymentHandler() {
        this(ProcessWiring.get());
    }

    public CancelPaymentHandler(PaymentsWiring wiring) {
        super("CancelPayment", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.cancel = wiring.cancelPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String paymentId = Requests.pathParameter(event, "paymentId");
        try {
            OperationBody body = OperationBody.parse(event, true);
            Payment p = cancel.cancel(paymentId, body.string("reason"));
            log.info("payment cancel: " + p.state()).payment(p).status(200).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(200, OperationResponses.balance(p));
        } catch (OperationRefusedException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.refused(e);
            log.warn("cancel refused: " + e.reason()).paymentId(paymentId).errorCode(e.errorCode())
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.gatewayFailure(e, "cancel");
            log.warn("Axerve cancel failed" + (e.outcomeUnknown() ? ", outcome unknown" : "")).paymentId(paymentId)
                    .errorCode(e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode()))
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        }
    }
}
