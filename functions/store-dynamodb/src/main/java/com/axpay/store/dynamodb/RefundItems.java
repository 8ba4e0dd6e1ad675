package com.axpay.store.dynamodb;

import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Refund;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static com.axpay.store.dynamodb.Attributes.lng;
import static com.axpay.store.dynamodb.Attributes.n;
import static com.axpay.store.dynamodb.Attributes.num;
import static com.axpay.store.dynamodb.Attributes.put;
import static com.axpay.store.dynamodb.Attributes.s;
import static com.axpay.store.dynamodb.Attributes.str;

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
        m.put(PaymentItems.TYPE, s("REFUND"));
        m.put(PaymentItems.PAYMENT_ID, s(r.paymentId()));
        m.put("refundId", s(r.refundId()));
        m.put("amount", s(Amounts.format(r.amount())));
        m.put("currency", s(r.currency()));
        put(m, "reason", r.reason());
        m.put(PaymentItems.STATE, s(r.state().name()));
        put(m, "errorCode", r.errorCode());
        m.put(PaymentItems.VERSION, n(r.version()));
        m.put("attempts", n(r.attempts()));
        m.put("createdAt", s(r.createdAt().toString()));
        m.put("updatedAt", s(r.updatedAt().toString()));
        if (r.state() == Refund.RefundState.PENDING) { // in the sparse index until settled: the reconciler finds it
            m.put(TableDefinitions.OPEN_STATE, s(PENDING_BUCKET));
            m.put(TableDefinitions.OPEN_SINCE, n(r.updatedAt().toEpochMilli()));
        }
        return m;
    }

    static Refund fromItem(Map<String, AttributeValue> m) {
        return new Refund(str(m, PaymentItems.PAYMENT_ID), str(m, "refundId"), Amounts.parse(str(m, "amount")),
                str(m, "currency"), str(m, "reason"), Refund.RefundState.valueOf(str(m, PaymentItems.STATE)),
                str(m, "errorCode"), lng(m, PaymentItems.VERSION), num(m, "attempts"),
                Instant.parse(str(m, "createdAt")), Instant.parse(str(m, "updatedAt")));
    }
}
