package com.axpay.kit.http;

import com.axpay.core.domain.Address;
import com.axpay.core.domain.Amounts;
import com.axpay.core.domain.Buyer;
import com.axpay.core.domain.OperationAttempt;
import com.axpay.core.domain.Payment;
import com.axpay.core.domain.PersonName;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A payment as the storefront sees it. Built field by field, so nothing is exposed by accident: no token, no
 * apikey, no internal counters. Absent values are left out.
 */
public final class PaymentJson {

    private PaymentJson() {
    }

    /** The POST /payments answer: what the storefront needs to send the buyer on. */
    public static Map<String, Object> started(Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", p.paymentId());
        m.put("orderId", p.orderId());
        m.put("shopTransactionId", p.shopTransactionId());
        m.put("state", p.state().name());
        m.put("amount", Amounts.format(p.amount()));
        m.put("currency", p.currency());
        put(m, "redirectUrl", p.state().isOpen() ? p.redirectUrl() : null);
        put(m, "agreementId", p.agreementId()); // recurring payments: the agreement the token will create
        return m;
    }

    /** The GET /payments/{paymentId} answer. */
    public static Map<String, Object> full(Payment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("paymentId", p.paymentId());
        m.put("orderId", p.orderId());
        m.put("attempt", p.attempt());
        m.put("shopTransactionId", p.shopTransactionId());
        m.put("state", p.state().name());
        m.put("amount", Amounts.format(p.amount()));
        m.put("currency", p.currency());
        put(m, "refundedAmount", p.state().isPaid() ? Amounts.format(p.refundedAmount()) : null);
        put(m, "bankTransactionId", p.bankTransactionId());
        put(m, "authorizationCode", p.authorizationCode());
        put(m, "errorCode", p.errorCode());
        put(m, "errorDescription", p.errorDescription());
        if (p.declineReason() != null) {
            m.put("decline", Map.of("reason", p.declineReason().name(), "buyerMessage",
                    p.declineReason().buyerMessage()));
        }
        put(m, "buyer", buyer(p.buyer()));
        put(m, "shippingAddress", address(p.shippingAddress()));
        put(m, "billingAddress", address(p.billingAddress()));
        put(m, "language", p.language());
        put(m, "agreementId", p.agreementId());
        put(m, "redirectUrl", p.state().isOpen() ? p.redirectUrl() : null);
        put(m, "createdAt", instant(p.createdAt()));
        put(m, "updatedAt", instant(p.updatedAt()));
        put(m, "resolvedAt", instant(p.resolvedAt()));
        put(m, "addressesReadAt", instant(p.addressesReadAt()));
        put(m, "operation", operation(p.operation()));
        return m;
    }

    /** The last capture or cancel attempt: open (IN_FLIGHT, UNKNOWN) while its outcome is being settled. */
    private static Map<String, Object> operation(OperationAttempt a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().name());
        m.put("attemptId", a.attemptId());
        m.put("status", a.status().name());
        put(m, "errorCode", a.errorCode());
        m.put("startedAt", a.startedAt().toString());
        m.put("updatedAt", a.updatedAt().toString());
        return m;
    }

    private static Map<String, Object> buyer(Buyer b) {
        if (b == null || (b.name() == null && b.email() == null)) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", b.name());
        if (b.name() != null) {
            PersonName split = b.splitName();
            m.put("firstName", split.firstName());
            m.put("lastName", split.lastName());
        }
        put(m, "email", b.email());
        return m;
    }

    private static Map<String, Object> address(Address a) {
        return a == null ? null : new LinkedHashMap<>(a.parts());
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    private static void put(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
