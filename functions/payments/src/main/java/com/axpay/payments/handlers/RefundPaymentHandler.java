package com.axpay.payments.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.core.usecase.RefundPayment;
import com.axpay.kit.handler.StorefrontHandler;
import com.axpay.kit.http.HttpResponses;
import com.axpay.kit.http.Requests;
import com.axpay.payments.PaymentsWiring;
import com.axpay.payments.ProcessWiring;
import com.axpay.payments.http.OperationBody;
import com.axpay.payments.http.OperationResponses;

/**
 * POST /payments/{paymentId}/refunds: 201 refund done now; 200 the same refundId again (its stored outcome); 202
 * still pending (in flight, or Axerve's answer was lost and could not be settled yet); 422 more than what is left,
 * refused before Axerve is asked; 409 refundId reused with another amount, payment not captured, or Axerve refused.
 */
public final class RefundPaymentHandler extends StorefrontHandler {

    private final RefundPayment refunds;

    public RefundPaymentHandler() {
        this(ProcessWiring.get());
    }

    public RefundPaymentHandler(PaymentsWiring wiring) {
        super("RefundPayment", wiring.storefrontAuth(), wiring.axerveSecrets());
        this.refunds = wiring.refundPayment();
    }

    @Override
    protected APIGatewayV2HTTPResponse handleAuthorized(APIGatewayV2HTTPEvent event, long start) {
        String paymentId = Requests.pathParameter(event, "paymentId");
        try {
            OperationBody body = OperationBody.parse(event, false);
            RefundPayment.Result r = refunds.refund(new RefundPayment.Command(paymentId, body.string("refundId"),
                    body.string("amount"), body.string("reason")));
            int status = r.refund().state() == Refund.RefundState.PENDING ? 202 : r.created() ? 201 : 200;
            log.info("refund " + r.refund().state().name().toLowerCase(java.util.Locale.ROOT)
                            + (r.created() ? "" : " (repeat)")).payment(r.payment()).refundId(r.refund().refundId())
                    .status(status).latencyMs(elapsedMs(start))
                    .dimension("refundState", r.refund().state().name()).metric("Refunds", 1, "Count").write();
            return HttpResponses.json(status, OperationResponses.refund(r.refund(), r.payment()));
        } catch (OperationRefusedException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.refused(e);
            log.warn("refund refused: " + e.reason()).paymentId(paymentId).errorCode(e.errorCode())
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        } catch (GatewayException e) {
            APIGatewayV2HTTPResponse response = OperationResponses.gatewayFailure(e, "refund");
            log.warn("Axerve refund failed" + (e.outcomeUnknown() ? ", outcome unknown" : "")).paymentId(paymentId)
                    .errorCode(e.kind() + (e.errorCode() == null ? "" : ":" + e.errorCode()))
                    .status(response.getStatusCode()).latencyMs(elapsedMs(start)).write();
            return response;
        }
    }
}
