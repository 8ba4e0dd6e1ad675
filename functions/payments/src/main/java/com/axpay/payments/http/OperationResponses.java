package com.axpay.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import com.axpay.core.domain.Refund;
import com.axpay.core.port.GatewayException;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.kit.http.GatewayFailures;
import com.axpay.kit.http.HttpResponses;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers of the refund, cancel and capture routes. */
public final class OperationResponses {

    private OperationResponses() {
    }

    /** Each refusal's status and stable code. */
    public static APIGatewayV2HTTPResponse refused(OperationRefusedException e) {
        int status = switch (e.reason()) {
            case PAYMENT_NOT_FOUND -> 404;
            case INVALID_REQUEST -> 400;
            case EXCEEDS_BALANCE -> 422;
            case REFUND_ID_CONFLICT, INVALID_STATE, ALREADY_CAPTURED, GATEWAY_REFUSED, OPERATION_IN_PROGRESS -> 409;
        };
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.reason().name().toLowerCase(java.util.Locale.ROOT));
        error.put("message", e.getMessage());
        if (e.errorCode() != null) {
            error.put("axerveErrorCode", e.errorCode());
        }
        return HttpResponses.json(status, Map.of("error", error));
    }

    /** Axerve unusable; when the outcome is unknown the operation is kept and the same request resumes it. */
    public static APIGatewayV2HTTPResponse gatewayFailure(GatewayException e, String what) {
        if (!e.outcomeUnknown()) {
            return GatewayFailures.response(e);
        }
        int status = GatewayFailures.retryStatus(e);
        return HttpResponses.error(status, status == 504 ? "gateway_timeout" : "gateway_error",
                "Axerve's answer to the " + what + " was lost; it is kept as pending. Send the same request again"
                        + " to reconcile it with Axerve (it is never sent twice).");
    }

    public static Map<String, Object> refund(Refund r, Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("refundId", r.refundId());
        m.put("paymentId", r.paymentId());
        m.put("amount", Amounts.format(r.amount()));
        m.put("currency", r.currency());
        m.put("state", r.state().name());
        if (r.reason() != null) {
            m.put("reason", r.reason());
        }
        if (r.errorCode() != null) {
            m.put("errorCode", r.errorCode());
        }
        m.put("createdAt", r.createdAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("payment", balance(p));
        return m;
    }

    /** The payment's state and money after an operation. */
    public static Map<String, Object> balance(Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", p.paymentId());
        m.put("state", p.state().name());
        m.put("amount", Amounts.format(p.amount()));
        m.put("currency", p.currency());
        m.put("refundedAmount", Amounts.format(p.refundedAmount()));
        boolean captured = p.state() == PaymentState.CAPTURED || p.state() == PaymentState.PARTIALLY_REFUNDED;
        m.put("refundableAmount", Amounts.format(captured ? p.refundableAmount() : BigDecimal.ZERO));
        return m;
    }
}
