package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.CapturePayment;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;
import com.axpay.payments.http.OperationResponses;

/**
 * POST /payments/{paymentId}/capture (deferred-capture merchants): callSettleS2S of the full amount. 200 with
 * the CAPTURED payment; 409 already captured (Amazon Pay through Axerve supports one capture), not authorized,
 * Axerve refused, or another capture or cancel in progress; 404 unknown payment; 504/502 Axerve's answer lost (the
 * attempt is kept UNKNOWN and the same request again settles it from Axerve).
 */
public final class CapturePaymentHandler extends StorefrontHandler {

    private final CapturePayment capture;

    public CapturePaymentHandler() {
        this(ProcessWiring.get());
    }

    public CapturePaymentHandler(PaymentsWiring wiring) {
        super("CapturePayment", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.capture = wiring.capturePayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String paymentId = Requests.pathParameter(event, "paymentId");
        try {
            OperationBody.parse(event, true); // none needed, but a malformed one is refused
            Payment p = capture.capture(paymentId);
            log.info("payment capture: " + p.state()).payment(p).status(200).latencyMs(elapsedMs(start)).write();
            return HttpResponses.json(200, OperationResponses.balance(p));
        } catch (OperationRefusedException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.refused(e);
            log.warn("capture refused: " + e.reason()).paymentId(paymentId).errorCode(e.errorCode())
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.gatewayFailure(e, "capture");
            log.warn("Axerve capture failed" + (e.outcomeUnknown() ? ", outcome unknown" : "")).paymentId(paymentId)
                    .errorCode(e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode()))
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        }
    }
}
