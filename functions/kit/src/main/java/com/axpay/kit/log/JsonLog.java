package com.axpay.kit.log;

import com.axpay.core.domain.Payment;
import com.axpay.kit.config.SecretUnavailableException;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One JSON line per event on stdout (CloudWatch keeps each line as one record). A line may carry metrics in
 * CloudWatch's Embedded Metric Format ({@link Line#metric}): CloudWatch extracts them from the log, so metrics cost
 * no SDK call and no extra latency on the request path. Only ids, states, codes and
 * timings go in: callers never pass buyer data, addresses, tokens or keys, and this class has no field for them.
 */
public final class JsonLog {

    /** The CloudWatch namespace of every metric (the template's alarms read it). */
    public static final String NAMESPACE = "AxPay";

    /** The route ids a request names in its path; only these keys, ids are bounded (the path is caller input). */
    private static final List<String> REQUEST_ID_KEYS = List.of("paymentId", "agreementId");
    private static final int MAX_ID_LENGTH = 100;
    private static final ThreadLocal<Map<String, String>> REQUEST_IDS = ThreadLocal.withInitial(Map::of);
    private static final ThreadLocal<Boolean> MUTED = ThreadLocal.withInitial(() -> Boolean.FALSE);

    private final String function;

    /**
     * Puts the ids of the request this thread is handling (e.g. a route's path parameters) on every line it writes
     * until {@link #clearRequestIds()}, so a refusal logged before anything is read still names its payment or
     * agreement.
     */
    public static void requestIds(Map<String, String> candidates) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (candidates != null) {
            for (String key : REQUEST_ID_KEYS) {
                String v = candidates.get(key);
                if (v != null && !v.isBlank()) {
                    ids.put(key, v.length() > MAX_ID_LENGTH ? v.substring(0, MAX_ID_LENGTH) : v);
                }
            }
        }
        REQUEST_IDS.set(Map.copyOf(ids));
    }

    public static void clearRequestIds() {
        REQUEST_IDS.remove();
    }

    /**
     * Runs {@code work} with this thread's lines built but not written: a run of the request path before a
     * SnapStart snapshot must neither log requests nobody made nor emit their metrics (the alarms read them).
     */
    public static <T> T muted(Supplier<T> work) {
        boolean before = MUTED.get();
        MUTED.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            MUTED.set(before);
        }
    }

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
        private final List<Map<String, String>> metrics = new ArrayList<>();
        private final List<List<String>> dimensions = new ArrayList<>();

        private Line(String level, String message) {
            fields.put("time", Instant.now().toString());
            fields.put("level", level);
            fields.put("function", function);
            fields.put("message", message);
            fields.putAll(REQUEST_IDS.get());
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

        /** A payment's id when no payment was read (refused operations). */
        public Line paymentId(String id) {
            fields.put("paymentId", id);
            return this;
        }

        /** The Axerve operation (Encrypt, callRefundS2S...). */
        public Line operation(String name) {
            fields.put("operation", name);
            return this;
        }

        public Line agreementId(String id) {
            fields.put("agreementId", id);
            return this;
        }

        public Line outboxKey(String pk) {
            fields.put("outboxKey", pk);
            return this;
        }

        public Line refundId(String id) {
            fields.put("refundId", id);
            return this;
        }

        public Line shopTransactionId(String id) {
            fields.put("shopTransactionId", id);
            return this;
        }

        /**
         * Why something failed, in our own words (e.g. "Secrets Manager answered HTTP 400
         * ResourceNotFoundException"): only for messages our code wrote, never one that quotes caller input or a
         * secret.
         */
        public Line reason(String ownMessage) {
            fields.put("reason", ownMessage);
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

        /** A metric of this line (EMF): its value becomes a field of the line. */
        public Line metric(String name, double value, String unit) {
            fields.put(name, value);
            metrics.add(Map.of("Name", name, "Unit", unit));
            return this;
        }

        /**
         * A field that is also a metric dimension; without any, the metrics are by {@code function}. Dimensions
         * should have few values (a state, an operation), never an id.
         */
        public Line dimension(String name, String value) {
            fields.put(name, value);
            if (dimensions.isEmpty()) {
                dimensions.add(new ArrayList<>());
            }
            dimensions.get(0).add(name);
            return this;
        }

        /**
         * An unreadable secret: the variable's name, our own reason and the cause's class only (the secret store's
         * answer is not logged).
         */
        public Line secret(SecretUnavailableException e) {
            return errorCode(e.variable()).reason(e.reason()).exception(e.getCause());
        }

        /** The exception's class only: messages of lower layers may quote input. */
        public Line exception(Throwable t) {
            fields.put("exception", t.getClass().getName());
            return this;
        }

        public void write() {
            fields.values().removeIf(v -> v == null);
            if (!metrics.isEmpty()) {
                fields.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics",
                        List.of(Map.of("Namespace", NAMESPACE, "Dimensions",
                                dimensions.isEmpty() ? List.of(List.of("function")) : dimensions,
                                "Metrics", metrics))));
            }
            String line;
            try {
                line = JSON.std.asString(fields);
            } catch (IOException e) {
                line = "{\"level\":\"ERROR\",\"message\":\"log line not serializable\"}";
            }
            if (!MUTED.get()) {
                System.out.println(line);
            }
        }
    }
}
