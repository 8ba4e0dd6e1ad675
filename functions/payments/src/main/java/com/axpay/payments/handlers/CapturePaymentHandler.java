package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.usecase.CapturePayment;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;

/**
 * POST /payments/{paymentId}/capture (deferred-capture merchants): callSettleS2S of the full amount. 200 with
 * the CAPTURED payment; 409 already captured (Amazon Pay through Axerve supports one capture), not authorized,
 * Axerve refused, or another capture or cancel in progress; 404 unknown payment; 504/502 Axerve's answer lost (the
 * attempt is kept UNKNOWN and the same request again settles it from Axerve).
 */
public final class CapturePaymentHandler extends PaymentOperationHandler {

    private final CapturePayment capture;

    public CapturePaymentHandler() {
        this(ProcessWiring.get());
    }

    public CapturePaymentHandler(PaymentsWiring wiring) {
        super("CapturePayment", "capture", wiring);
        this.capture = wiring.capturePayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String paymentId, APIGatewayV2HTTPEvent event, long start) {
        OperationBody.parse(event, true); // none needed, but a malformed one is refused
        return balance(capture.capture(paymentId), start);
    }
}
