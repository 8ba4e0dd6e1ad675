package com.axpay.payments.log;

import com.axpay.core.domain.Payment;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event on stdout (CloudWatch keeps each line as one record). Only ids, states, codes and
 * timings go in: callers never pass buyer data, addresses, tokens or keys, and this class has no field for them.
 */
public final class JsonLog {

    private final String function;

    public JsonLog(String function) {
        this.function = function;
    }

    public Line info(String message) {
        return new Line("INFO", message);
    }

    public Line warn(String message) {
        return new Line("WARN", message);
    }

    public Line error(String message) {
        return new Line("ERROR", message);
    }

    /** A log line being built; {@link #write()} prints it. */
    public final class Line {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Line(String level, String message) {
            fields.put("time", Instant.now().toString());
            fields.put("level", level);
            fields.put("function", function);
            fields.put("message", message);
        }

        /** paymentId, shopTransactionId and state of the payment. */
        public Line payment(Payment p) {
            if (p != null) {
                fields.put("paymentId", p.paymentId());
                fields.put("shopTransactionId", p.shopTransactionId());
                fields.put("state", p.state().name());
            }
            return this;
        }

        public Line shopTransactionId(String id) {
            fields.put("shopTransactionId", id);
            return this;
        }

        public Line errorCode(String code) {
            fields.put("errorCode", code);
            return this;
        }

        public Line status(int httpStatus) {
            fields.put("status", httpStatus);
            return this;
        }

        public Line latencyMs(long ms) {
            fields.put("latencyMs", ms);
            return this;
        }

        /** A count or other number (reconciler report). */
        public Line count(String name, long value) {
            fields.put(name, value);
            return this;
        }

        /** The exception's class only: messages of lower layers may quote input. */
        public Line exception(Throwable t) {
            fields.put("exception", t.getClass().getName());
            return this;
        }

        public void write() {
            fields.values().removeIf(v -> v == null);
            String line;
            try {
                line = JSON.std.asString(fields);
            } catch (IOException e) {
                line = "{\"level\":\"ERROR\",\"message\":\"log line not serializable\"}";
            }
            System.out.println(line);
        }
    }
}
