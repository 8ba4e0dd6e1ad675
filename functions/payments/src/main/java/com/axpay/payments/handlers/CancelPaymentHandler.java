package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.usecase.CancelPayment;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;

/**
 * POST /payments/{paymentId}/cancel: voids an authorization not yet captured (callDeleteS2S). 200 with the
 * CANCELED payment (also when it was cancelled before); 409 already captured (refund instead), Axerve refused
 * (e.g. 2017), or another capture or cancel in progress; 404 unknown payment; 504/502 Axerve's answer lost (the
 * attempt is kept UNKNOWN and the same request again settles it from Axerve).
 */
public final class CancelPaymentHandler extends PaymentOperationHandler {

    private final CancelPayment cancel;

    public CancelPaymentHandler() {
        this(ProcessWiring.get());
    }

    public CancelPaymentHandler(PaymentsWiring wiring) {
        super("CancelPayment", "cancel", wiring);
        this.cancel = wiring.cancelPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String paymentId, APIGatewayV2HTTPEvent event, long start) {
        return balance(cancel.cancel(paymentId, OperationBody.parse(event, true).string("reason")), start);
    }
}
