package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Refund;
import com.axpay.core.usecase.RefundPayment;
import com.axpay.kit.http.HttpResponses;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;
import com.axpay.payments.http.OperationResponses;

/**
 * POST /payments/{paymentId}/refunds: 201 refund done now; 200 the same refundId again (its stored outcome); 202
 * still pending (in flight, or Axerve's answer was lost and could not be settled yet); 422 more than what is left,
 * refused before Axerve is asked; 409 refundId reused with another amount, payment not captured, or Axerve refused.
 */
public final class RefundPaymentHandler extends PaymentOperationHandler {

    private final RefundPayment refunds;

    public RefundPaymentHandler() {
        this(ProcessWiring.get());
    }

    public RefundPaymentHandler(PaymentsWiring wiring) {
        super("RefundPayment", "refund", wiring);
        this.refunds = wiring.refundPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse operate(String paymentId, APIGatewayV2HTTPEvent event, long start) {
        OperationBody body = OperationBody.parse(event, false);
        RefundPayment.Result r = refunds.refund(new RefundPayment.Command(paymentId, body.string("refundId"),
                body.string("amount"), body.string("reason")));
        int status = r.refund().state() == Refund.RefundState.PENDING ? 202 : r.created() ? 201 : 200;
        log.info("refund " + r.refund().state().name().toLowerCase(java.util.Locale.ROOT)
                        + (r.created() ? "" : " (repeat)")).payment(r.payment()).refundId(r.refund().refundId())
                .status(status).latencyMs(elapsedMs(start))
                .dimension("refundState", r.refund().state().name()).metric("Refunds", 1, "Count").write();
        return HttpResponses.json(status, OperationResponses.refund(r.refund(), r.payment()));
    }
}
