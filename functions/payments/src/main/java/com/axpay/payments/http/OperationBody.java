package com.axpay.payments.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.kit.http.RequestBody;

import java.util.Map;

/** The small JSON bodies of the refund, cancel and capture routes: string fields only, content rules are core's. */
public final class OperationBody {

    private final Map<?, ?> fields;

    private OperationBody(Map<?, ?> fields) {
        this.fields = fields;
    }

    /**
     * @param optional an absent or empty body is an empty object (cancel and capture need none)
     * @throws RequestBody.TooLarge  over the one size limit
     * @throws RequestBody.Malformed not a JSON object
     */
    public static OperationBody parse(APIGatewayV2HTTPEvent event, boolean optional) {
        return new OperationBody(RequestBody.object(event, optional));
    }

    /** A string field, or null when absent; a JSON number for an amount is refused (it may have been rounded). */
    public String string(String name) {
        Object v = fields.get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw invalid(name + " must be a string" + (v instanceof Number ? " like \"3.00\", not a JSON number" : ""));
    }

    private static OperationRefusedException invalid(String message) {
        return new OperationRefusedException(Reason.INVALID_REQUEST, message);
    }
}
