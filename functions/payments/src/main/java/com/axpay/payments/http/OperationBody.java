package com.axpay.payments.http;

import com.axpay.core.usecase.OperationRefusedException;
import com.axpay.core.usecase.OperationRefusedException.Reason;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.util.Map;

/** The small JSON bodies of the refund, cancel and capture routes: string fields only, content rules are core's. */
public final class OperationBody {

    /** Far above any valid body. */
    public static final int MAX_BYTES = 4 * 1024;

    private final Map<?, ?> fields;

    private OperationBody(Map<?, ?> fields) {
        this.fields = fields;
    }

    /**
     * @param optional an absent or empty body is an empty object (cancel and capture need none)
     * @throws OperationRefusedException INVALID_REQUEST for a body that is not a small JSON object
     */
    public static OperationBody parse(byte[] body, boolean optional) {
        if (body == null || body.length == 0) {
            if (optional) {
                return new OperationBody(Map.of());
            }
            throw invalid("body is required: a JSON object");
        }
        if (body.length > MAX_BYTES) {
            throw invalid("body is larger than " + MAX_BYTES + " bytes");
        }
        try {
            if (JSON.std.anyFrom(body) instanceof Map<?, ?> map) {
                return new OperationBody(map);
            }
        } catch (IOException | RuntimeException e) {
            throw invalid("body is not valid JSON");
        }
        throw invalid("body must be a JSON object");
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
