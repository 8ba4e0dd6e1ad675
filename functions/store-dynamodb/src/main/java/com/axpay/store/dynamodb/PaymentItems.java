package com.axpay.store.dynamodb;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.OrderClaim;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PaymentState;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.axpay.store.dynamodb.Attributes.instant;
import static com.axpay.store.dynamodb.Attributes.instantFrom;
import static com.axpay.store.dynamodb.Attributes.lng;
import static com.axpay.store.dynamodb.Attributes.n;
import static com.axpay.store.dynamodb.Attributes.num;
import static com.axpay.store.dynamodb.Attributes.put;
import static com.axpay.store.dynamodb.Attributes.putMap;
import static com.axpay.store.dynamodb.Attributes.s;
import static com.axpay.store.dynamodb.Attributes.str;

/**
 * Item layout of the payments table. Amounts are decimal strings, instants ISO-8601 strings; absent values are
 * absent attributes (DynamoDB has no use for nulls).
 */
final class PaymentItems {

    static final String PAYMENT_PREFIX = "PAY#";
    static final String ORDER_PREFIX = "ORDER#";
    static final String STX_PREFIX = "STX#";

    static final String TYPE = "type";
    static final String VERSION = "version";
    static final String STATE = "state";
    static final String ATTEMPT = "attempt";
    static final String PAYMENT_ID = "paymentId";
    static final String ADDRESSES_READ_AT = "addressesReadAt";
    static final String BUYER = "buyer";
    static final String SHIPPING = "shippingAddress";
    static final String BILLING = "billingAddress";
    static final String OPERATION = "operation";

    private PaymentItems() {
    }

    static Map<String, AttributeValue> key(String pk) {
        return Map.of(TableDefinitions.PK, s(pk));
    }

    static Map<String, AttributeValue> paymentKey(String paymentId) {
        return key(PAYMENT_PREFIX + paymentId);
    }

    static Map<String, AttributeValue> toItem(Payment p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(PAYMENT_PREFIX + p.paymentId()));
        m.put(TYPE, s("PAYMENT"));
        put(m, PAYMENT_ID, p.paymentId());
        put(m, "orderId", p.orderId());
        m.put(ATTEMPT, n(p.attempt()));
        put(m, "shopTransactionId", p.shopTransactionId());
        put(m, "amount", Amounts.format(p.amount()));
        put(m, "currency", p.currency());
        put(m, STATE, p.state().name());
        m.put(VERSION, n(p.version()));
        put(m, "bankTransactionId", p.bankTransactionId());
        put(m, "authorizationCode", p.authorizationCode());
        put(m, "errorCode", p.errorCode());
        put(m, "errorDescription", p.errorDescription());
        put(m, "declineReason", p.declineReason() == null ? null : p.declineReason().name());
        putMap(m, BUYER, buyer(p.buyer()));
        putMap(m, SHIPPING, address(p.shippingAddress()));
        putMap(m, BILLING, address(p.billingAddress()));
        if (!p.customInfo().isEmpty()) {
            Map<String, AttributeValue> info = new LinkedHashMap<>();
            p.customInfo().forEach((k, v) -> info.put(k, s(v)));
            m.put("customInfo", AttributeValue.fromM(info));
        }
        put(m, "language", p.language());
        put(m, "returnUrl", p.returnUrl());
        put(m, "redirectUrl", p.redirectUrl());
        put(m, "agreementId", p.agreementId());
        m.put("reconcileAttempts", n(p.reconcileAttempts()));
        m.put("reconcileExhausted", AttributeValue.fromBool(p.reconcileExhausted()));
        put(m, "createdAt", instant(p.createdAt()));
        put(m, "updatedAt", instant(p.updatedAt()));
        put(m, "resolvedAt", instant(p.resolvedAt()));
        put(m, ADDRESSES_READ_AT, instant(p.addressesReadAt()));
        put(m, "refundedAmount", Amounts.format(p.refundedAmount()));
        put(m, "refundReserved", Amounts.format(p.refundReserved()));
        putMap(m, OPERATION, operation(p.operation()));
        String bucket = p.openBucket();
        if (bucket != null) { // sparse index: only open payments carry its keys
            m.put(TableDefinitions.OPEN_STATE, s(bucket));
            m.put(TableDefinitions.OPEN_SINCE, n(p.updatedAt().toEpochMilli()));
        }
        return m;
    }

    static Payment fromItem(Map<String, AttributeValue> m) {
        Map<String, AttributeValue> info = m.containsKey("customInfo") ? m.get("customInfo").m() : Map.of();
        Map<String, String> customInfo = new LinkedHashMap<>();
        info.forEach((k, v) -> customInfo.put(k, v.s()));
        String decline = str(m, "declineReason");
        return Payment.builder()
                .paymentId(str(m, PAYMENT_ID))
                .orderId(str(m, "orderId"))
                .attempt(num(m, ATTEMPT))
                .shopTransactionId(str(m, "shopTransactionId"))
                .amount(Amounts.parse(str(m, "amount")))
                .currency(str(m, "currency"))
                .state(PaymentState.valueOf(str(m, STATE)))
                .version(lng(m, VERSION))
                .bankTransactionId(str(m, "bankTransactionId"))
                .authorizationCode(str(m, "authorizationCode"))
                .errorCode(str(m, "errorCode"))
                .errorDescription(str(m, "errorDescription"))
                .declineReason(decline == null ? null : DeclineReason.valueOf(decline))
                .buyer(buyerFrom(m.get(BUYER)))
                .shippingAddress(addressFrom(m.get(SHIPPING)))
                .billingAddress(addressFrom(m.get(BILLING)))
                .customInfo(customInfo)
                .language(str(m, "language"))
                .returnUrl(str(m, "returnUrl"))
                .redirectUrl(str(m, "redirectUrl"))
                .agreementId(str(m, "agreementId"))
                .reconcileAttempts(m.containsKey("reconcileAttempts") ? num(m, "reconcileAttempts") : 0)
                .reconcileExhausted(m.containsKey("reconcileExhausted") && m.get("reconcileExhausted").bool())
                .createdAt(instantFrom(str(m, "createdAt")))
                .updatedAt(instantFrom(str(m, "updatedAt")))
                .resolvedAt(instantFrom(str(m, "resolvedAt")))
                .addressesReadAt(instantFrom(str(m, ADDRESSES_READ_AT)))
                .refundedAmount(m.containsKey("refundedAmount") ? Amounts.parse(str(m, "refundedAmount")) : null)
                .refundReserved(m.containsKey("refundReserved") ? Amounts.parse(str(m, "refundReserved")) : null)
                .operation(operationFrom(m.get(OPERATION)))
                .build();
    }

    static Map<String, AttributeValue> orderItem(Payment p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(ORDER_PREFIX + p.orderId()));
        m.put(TYPE, s("ORDER"));
        put(m, "orderId", p.orderId());
        m.put(ATTEMPT, n(p.attempt()));
        put(m, PAYMENT_ID, p.paymentId());
        put(m, "shopTransactionId", p.shopTransactionId());
        put(m, "amount", Amounts.format(p.amount()));
        put(m, "currency", p.currency());
        put(m, "createdAt", instant(p.createdAt()));
        put(m, "updatedAt", instant(p.updatedAt()));
        return m;
    }

    static OrderClaim orderFrom(Map<String, AttributeValue> m) {
        return new OrderClaim(str(m, "orderId"), num(m, ATTEMPT), str(m, PAYMENT_ID),
                str(m, "shopTransactionId"), Amounts.parse(str(m, "amount")), str(m, "currency"),
                instantFrom(str(m, "createdAt")), instantFrom(str(m, "updatedAt")));
    }

    static Map<String, AttributeValue> shopTransactionItem(Payment p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(STX_PREFIX + p.shopTransactionId()));
        m.put(TYPE, s("STX"));
        put(m, PAYMENT_ID, p.paymentId());
        return m;
    }

    static Map<String, AttributeValue> buyer(Buyer b) {
        if (b == null) {
            return Map.of();
        }
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "name", b.name());
        put(m, "email", b.email());
        return m;
    }

    static Map<String, AttributeValue> address(Address a) {
        if (a == null) {
            return Map.of();
        }
        Map<String, AttributeValue> m = new HashMap<>();
        a.parts().forEach((name, value) -> put(m, name, value));
        return m;
    }

    /** The capture or cancel attempt as a map attribute; absent when the payment never had one. */
    static Map<String, AttributeValue> operation(OperationAttempt a) {
        if (a == null) {
            return Map.of();
        }
        Map<String, AttributeValue> m = new HashMap<>();
        put(m, "kind", a.kind().name());
        put(m, "attemptId", a.attemptId());
        put(m, "status", a.status().name());
        put(m, "startedAt", instant(a.startedAt()));
        put(m, "updatedAt", instant(a.updatedAt()));
        m.put("checks", n(a.checks()));
        m.put("exhausted", AttributeValue.fromBool(a.exhausted()));
        put(m, "errorCode", a.errorCode());
        return m;
    }

    private static OperationAttempt operationFrom(AttributeValue v) {
        if (v == null) {
            return null;
        }
        Map<String, AttributeValue> m = v.m();
        return new OperationAttempt(OperationAttempt.Kind.valueOf(str(m, "kind")), str(m, "attemptId"),
                OperationAttempt.Status.valueOf(str(m, "status")), instantFrom(str(m, "startedAt")),
                instantFrom(str(m, "updatedAt")), num(m, "checks"),
                m.get("exhausted").bool(), str(m, "errorCode"));
    }

    private static Buyer buyerFrom(AttributeValue v) {
        if (v == null) {
            return Buyer.NONE;
        }
        Map<String, AttributeValue> m = v.m();
        return new Buyer(str(m, "name"), str(m, "email"));
    }

    private static Address addressFrom(AttributeValue v) {
        if (v == null) {
            return null;
        }
        Map<String, AttributeValue> m = v.m();
        return new Address(str(m, "name"), str(m, "addressLine1"), str(m, "addressLine2"), str(m, "city"),
                str(m, "postalCode"), str(m, "stateOrRegion"), str(m, "countryCode"), str(m, "phone"));
    }
}
