package com.axpay.store.dynamodb;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Refund;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Item layout of a refund: {@code pk = REFUND#<paymentId>#<refundId>}, amounts as decimal strings. */
final class RefundItems {

    static final String PREFIX = "REFUND#";
    /** The open-state index bucket of pending refunds (never a payment state's name). */
    static final String PENDING_BUCKET = "REFUND_PENDING";

    private RefundItems() {
    }

    static Map<String, AttributeValue> key(String paymentId, String refundId) {
        return PaymentItems.key(PREFIX + paymentId + "#" + refundId);
    }

    static Map<String, AttributeValue> toItem(Refund r) {
        Map<String, AttributeValue> m = new HashMap<>(key(r.paymentId(), r.refundId()));
        m.put(PaymentItems.TYPE, PaymentItems.s("REFUND"));
        m.put(PaymentItems.PAYMENT_ID, PaymentItems.s(r.paymentId()));
        m.put("refundId", PaymentItems.s(r.refundId()));
        m.put("amount", PaymentItems.s(Amounts.format(r.amount())));
        m.put("currency", PaymentItems.s(r.currency()));
        if (r.reason() != null) {
            m.put("reason", PaymentItems.s(r.reason()));
        }
        m.put(PaymentItems.STATE, PaymentItems.s(r.state().name()));
        if (r.errorCode() != null) {
            m.put("errorCode", PaymentItems.s(r.errorCode()));
        }
        m.put(PaymentItems.VERSION, PaymentItems.n(r.version()));
        m.put("attempts", PaymentItems.n(r.attempts()));
        m.put("createdAt", PaymentItems.s(r.createdAt().toString()));
        m.put("updatedAt", PaymentItems.s(r.updatedAt().toString()));
        if (r.state() == Refund.RefundState.PENDING) { // in the sparse index until settled: the reconciler finds it
            m.put(TableDefinitions.OPEN_STATE, PaymentItems.s(PENDING_BUCKET));
            m.put(TableDefinitions.OPEN_SINCE, PaymentItems.n(r.updatedAt().toEpochMilli()));
        }
        return m;
    }

    static Refund fromItem(Map<String, AttributeValue> m) {
        return new Refund(m.get(PaymentItems.PAYMENT_ID).s(), m.get("refundId").s(),
                Amounts.parse(m.get("amount").s()), m.get("currency").s(),
                m.containsKey("reason") ? m.get("reason").s() : null,
                Refund.RefundState.valueOf(m.get(PaymentItems.STATE).s()),
                m.containsKey("errorCode") ? m.get("errorCode").s() : null,
                Long.parseLong(m.get(PaymentItems.VERSION).n()), Integer.parseInt(m.get("attempts").n()),
                Instant.parse(m.get("createdAt").s()), Instant.parse(m.get("updatedAt").s()));
    }
}
