package com.axpay.soap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameters of one Axerve call, checked when built. What goes on the wire, in which order and under which
 * names is said once per operation in {@link AxerveOperation}; the builders below hold the setters the operations
 * share. {@link #toString()} leaves out buyer data and tokens.
 */
public abstract sealed class AxerveRequest permits EncryptRequest, PagamRequest, RefundRequest, SettleRequest,
        DeleteRequest {
    private final AxerveOperation operation;
    private final Map<String, Object> values;

    AxerveRequest(AxerveOperation operation, Map<String, Object> values) {
        this.operation = operation;
        this.values = values;
    }

    AxerveOperation operation() {
        return operation;
    }

    /** The set parameters by the builders' names (never null values). */
    Map<String, Object> values() {
        return values;
    }

    public String shopTransactionId() {
        return (String) values.get("shopTransactionId");
    }

    public String amount() {
        return (String) values.get("amount");
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[shopTransactionId=" + shopTransactionId() + ", amount=" + amount()
                + ", uicCode=" + values.get("uicCode") + ", paymentTypes=" + values.getOrDefault("paymentTypes",
                List.of()) + "]";
    }

    /** Setters every operation has; {@link #build()} checks the values against the operation. */
    public abstract static class Builder<R extends AxerveRequest, B extends Builder<R, B>> {
        private final AxerveOperation operation;
        private final Function<Map<String, Object>, R> create;
        private final Map<String, Object> values = new HashMap<>();

        Builder(AxerveOperation operation, Function<Map<String, Object>, R> create) {
            this.operation = operation;
            this.create = create;
        }

        @SuppressWarnings("unchecked")
        final B set(String key, Object value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
            return (B) this;
        }

        public B shopTransactionId(String shopTransactionId) {
            return set("shopTransactionId", shopTransactionId);
        }

        /** Throws IllegalArgumentException when a required value is missing or one Axerve refuses. */
        public R build() {
            Map<String, Object> built = Map.copyOf(values);
            operation.validate(built);
            return create.apply(built);
        }
    }

    /** Operations that move an amount: {@code uicCode} (EUR is 242, see {@link UicCurrency}) and {@code amount}. */
    public abstract static class AmountBuilder<R extends AxerveRequest, B extends AmountBuilder<R, B>>
            extends Builder<R, B> {
        AmountBuilder(AxerveOperation operation, Function<Map<String, Object>, R> create) {
            super(operation, create);
        }

        public B uicCode(String uicCode) {
            return set("uicCode", uicCode);
        }

        /** Digits with at most 2 decimals and '.' as separator, e.g. {@code 10} or {@code 10.00}. */
        public B amount(String amount) {
            return set("amount", amount);
        }
    }

    /** Payments (Encrypt, callPagamS2S): the buyer, the language, customInfo and the payment types. */
    public abstract static class PaymentBuilder<R extends AxerveRequest, B extends PaymentBuilder<R, B>>
            extends AmountBuilder<R, B> {
        PaymentBuilder(AxerveOperation operation, Function<Map<String, Object>, R> create) {
            super(operation, create);
        }

        public B buyerName(String buyerName) {
            return set("buyerName", buyerName);
        }

        public B buyerEmail(String buyerEmail) {
            return set("buyerEmail", buyerEmail);
        }

        /** 1 Italian, 2 English, 3 Spanish, 4 French, 5 German. */
        public B languageId(int languageId) {
            return set("languageId", String.valueOf(languageId));
        }

        /** Encoded as {@code k=v*P1*k=v}; throws at once on characters Axerve forbids. */
        public B customInfo(Map<String, String> customInfo) {
            return set("customInfo", CustomInfo.encode(customInfo));
        }

        /** e.g. {@code AMAZONPAY}; with exactly one type Axerve goes straight to that provider. */
        public B paymentType(String... paymentTypes) {
            return paymentTypes(List.of(paymentTypes));
        }

        public B paymentTypes(List<String> paymentTypes) {
            return set("paymentTypes", paymentTypes == null ? null : List.copyOf(paymentTypes));
        }
    }
}
