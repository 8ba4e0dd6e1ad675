package com.axpay.recurring;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.domain.Amounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Agreements and charges as the storefront sees them. Never the token. */
public final class AgreementJson {

    private AgreementJson() {
    }

    public static Map<String, Object> agreement(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreementId", a.agreementId());
        put(m, "paymentId", a.paymentId());
        put(m, "orderId", a.orderId());
        m.put("mode", a.mode().wire());
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("amount", Amounts.format(a.plan().amount()));
        plan.put("currency", a.plan().currency());
        plan.put("interval", a.plan().interval().toString());
        put(plan, "startAt", a.plan().startAt() == null ? null : a.plan().startAt().toString());
        put(plan, "cycles", a.plan().cycles());
        m.put("plan", plan);
        m.put("state", a.state().name());
        put(m, "endReason", a.endReason());
        m.put("nextCycle", a.cycle());
        m.put("nextAttempt", a.attempt());
        put(m, "nextChargeAt", a.nextChargeAt() == null ? null : a.nextChargeAt().toString());
        m.put("cyclesCharged", a.cyclesCharged());
        List<Map<String, Object>> charges = new ArrayList<>();
        for (ChargeHistoryEntry h : a.history()) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (h.chargeId() != null) {
                c.put("chargeId", h.chargeId());
            } else {
                c.put("cycle", h.cycle());
                c.put("attempt", h.attempt());
            }
            c.put("shopTransactionId", h.shopTransactionId());
            c.put("amount", Amounts.format(h.amount()));
            c.put("currency", h.currency());
            c.put("outcome", h.outcome().name());
            putDecline(c, h.errorCode(), h.reasonCode(), h.declineClass());
            c.put("at", h.at().toString());
            charges.add(c);
        }
        m.put("charges", charges);
        m.put("createdAt", a.createdAt().toString());
        m.put("updatedAt", a.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> charge(ChargeRecord c, Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agreementId", c.agreementId());
        m.put("chargeId", c.chargeId());
        m.put("shopTransactionId", c.shopTransactionId());
        m.put("amount", Amounts.format(c.amount()));
        m.put("currency", c.currency());
        m.put("state", c.state().name());
        putDecline(m, c.errorCode(), c.reasonCode(), c.declineClass());
        put(m, "bankTransactionId", c.bankTransactionId());
        m.put("agreementState", a.state().name());
        return m;
    }

    /** Why a charge failed, as far as known (each field only when there is one). */
    private static void putDecline(Map<String, Object> m, String errorCode, String reasonCode, DeclineClass decline) {
        put(m, "errorCode", errorCode);
        put(m, "reasonCode", reasonCode);
        put(m, "declineClass", decline == null ? null : decline.name());
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
