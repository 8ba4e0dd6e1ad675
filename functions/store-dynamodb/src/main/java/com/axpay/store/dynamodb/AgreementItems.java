package com.axpay.store.dynamodb;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.Amounts;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.axpay.store.dynamodb.Attributes.instant;
import static com.axpay.store.dynamodb.Attributes.instantFrom;
import static com.axpay.store.dynamodb.Attributes.lng;
import static com.axpay.store.dynamodb.Attributes.n;
import static com.axpay.store.dynamodb.Attributes.num;
import static com.axpay.store.dynamodb.Attributes.put;
import static com.axpay.store.dynamodb.Attributes.s;
import static com.axpay.store.dynamodb.Attributes.str;

/**
 * Item layout of agreements ({@code AGR#}), their terms ({@code TERMS#}) and charge attempts ({@code CHG#}) in the
 * payments table. An agreement carries {@code dueShard}/{@code dueAt} only while it is chargeable and has a next charge
 * time: that makes the {@code byDue} index sparse (only agreements the schedule must look at are in it).
 */
final class AgreementItems {

    static final String AGREEMENT_PREFIX = "AGR#";
    static final String TERMS_PREFIX = "TERMS#";
    static final String CHARGE_PREFIX = "CHG#";
    static final String VERSION = "version";
    static final String STATE = "state";
    static final String CYCLE = "cycle";
    static final String ATTEMPT = "attempt";

    private AgreementItems() {
    }

    /** A stable shard per agreement (String.hashCode is specified, so every process agrees). */
    static int shardOf(String agreementId, int shards) {
        return Math.floorMod(agreementId.hashCode(), shards);
    }

    static String shardKey(int shard) {
        return "DUE#" + shard;
    }

    static Map<String, AttributeValue> termsItem(AgreementTerms t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(TERMS_PREFIX + t.agreementId()));
        m.put("type", s("TERMS"));
        m.put("agreementId", s(t.agreementId()));
        m.put("paymentId", s(t.paymentId()));
        m.put("orderId", s(t.orderId()));
        m.put("mode", s(t.mode().name()));
        m.put("plan", AttributeValue.fromM(plan(t.plan())));
        m.put("createdAt", s(t.createdAt().toString()));
        return m;
    }

    static AgreementTerms termsFrom(Map<String, AttributeValue> m) {
        return new AgreementTerms(str(m, "agreementId"), str(m, "paymentId"), str(m, "orderId"),
                RecurringMode.valueOf(str(m, "mode")), planFrom(m.get("plan").m()), Instant.parse(str(m, "createdAt")));
    }

    static Map<String, AttributeValue> agreementItem(Agreement a, int shards) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(AGREEMENT_PREFIX + a.agreementId()));
        m.put("type", s("AGREEMENT"));
        m.put("agreementId", s(a.agreementId()));
        put(m, "paymentId", a.paymentId());
        put(m, "orderId", a.orderId());
        m.put("mode", s(a.mode().name()));
        m.put("plan", AttributeValue.fromM(plan(a.plan())));
        m.put(STATE, s(a.state().name()));
        put(m, "token", a.token());
        m.put(CYCLE, n(a.cycle()));
        m.put(ATTEMPT, n(a.attempt()));
        m.put("anchor", s(a.anchor().toString()));
        m.put("firstCycle", n(a.firstCycle()));
        put(m, "nextChargeAt", instant(a.nextChargeAt()));
        m.put("cyclesCharged", n(a.cyclesCharged()));
        put(m, "endReason", a.endReason());
        m.put("tokenDeleted", AttributeValue.fromBool(a.tokenDeleted()));
        List<AttributeValue> history = new ArrayList<>();
        for (ChargeHistoryEntry h : a.history()) {
            history.add(AttributeValue.fromM(entry(h)));
        }
        m.put("history", AttributeValue.fromL(history));
        m.put(VERSION, n(a.version()));
        m.put("createdAt", s(a.createdAt().toString()));
        m.put("updatedAt", s(a.updatedAt().toString()));
        if (a.state().isChargeable() && a.nextChargeAt() != null) {
            m.put(TableDefinitions.DUE_SHARD, s(shardKey(shardOf(a.agreementId(), shards))));
            m.put(TableDefinitions.DUE_AT, n(a.nextChargeAt().toEpochMilli()));
        }
        return m;
    }

    static Agreement agreementFrom(Map<String, AttributeValue> m) {
        List<ChargeHistoryEntry> history = new ArrayList<>();
        if (m.containsKey("history")) {
            for (AttributeValue v : m.get("history").l()) {
                history.add(entryFrom(v.m()));
            }
        }
        String next = str(m, "nextChargeAt");
        return new Agreement(str(m, "agreementId"), str(m, "paymentId"), str(m, "orderId"),
                RecurringMode.valueOf(str(m, "mode")), planFrom(m.get("plan").m()),
                AgreementState.valueOf(str(m, STATE)), str(m, "token"), num(m, CYCLE), num(m, ATTEMPT),
                Instant.parse(str(m, "anchor")), num(m, "firstCycle"), instantFrom(next),
                num(m, "cyclesCharged"), str(m, "endReason"),
                m.containsKey("tokenDeleted") && Boolean.TRUE.equals(m.get("tokenDeleted").bool()), history,
                lng(m, VERSION), Instant.parse(str(m, "createdAt")),
                Instant.parse(str(m, "updatedAt")));
    }

    static Map<String, AttributeValue> chargeItem(ChargeRecord c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(TableDefinitions.PK, s(CHARGE_PREFIX + c.key()));
        m.put("type", s("CHARGE"));
        m.put("agreementId", s(c.agreementId()));
        m.put(CYCLE, n(c.cycle()));
        m.put(ATTEMPT, n(c.attempt()));
        put(m, "chargeId", c.chargeId());
        m.put("shopTransactionId", s(c.shopTransactionId()));
        m.put("amount", s(Amounts.format(c.amount())));
        m.put("currency", s(c.currency()));
        m.put(STATE, s(c.state().name()));
        put(m, "errorCode", c.errorCode());
        put(m, "reasonCode", c.reasonCode());
        put(m, "declineClass", c.declineClass() == null ? null : c.declineClass().name());
        put(m, "bankTransactionId", c.bankTransactionId());
        put(m, "submittedAt", instant(c.submittedAt()));
        m.put(VERSION, n(c.version()));
        m.put("createdAt", s(c.createdAt().toString()));
        m.put("updatedAt", s(c.updatedAt().toString()));
        return m;
    }

    static ChargeRecord chargeFrom(Map<String, AttributeValue> m) {
        String declineClass = str(m, "declineClass");
        String submittedAt = str(m, "submittedAt");
        return new ChargeRecord(str(m, "agreementId"), num(m, CYCLE), num(m, ATTEMPT), str(m, "chargeId"),
                str(m, "shopTransactionId"), Amounts.parse(str(m, "amount")), str(m, "currency"),
                ChargeState.valueOf(str(m, STATE)), str(m, "errorCode"), str(m, "reasonCode"),
                declineClass == null ? null : DeclineClass.valueOf(declineClass), str(m, "bankTransactionId"),
                instantFrom(submittedAt), lng(m, VERSION),
                Instant.parse(str(m, "createdAt")), Instant.parse(str(m, "updatedAt")));
    }

    private static Map<String, AttributeValue> plan(Plan p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("amount", s(Amounts.format(p.amount())));
        m.put("currency", s(p.currency()));
        m.put("interval", s(p.interval().toString()));
        put(m, "startAt", instant(p.startAt()));
        if (p.cycles() != null) {
            m.put("cycles", n(p.cycles()));
        }
        return m;
    }

    private static Plan planFrom(Map<String, AttributeValue> m) {
        String startAt = str(m, "startAt");
        return new Plan(Amounts.parse(str(m, "amount")), str(m, "currency"), Period.parse(str(m, "interval")),
                instantFrom(startAt), m.containsKey("cycles") ? num(m, "cycles") : null);
    }

    private static Map<String, AttributeValue> entry(ChargeHistoryEntry h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(CYCLE, n(h.cycle()));
        m.put(ATTEMPT, n(h.attempt()));
        put(m, "chargeId", h.chargeId());
        m.put("shopTransactionId", s(h.shopTransactionId()));
        m.put("amount", s(Amounts.format(h.amount())));
        m.put("currency", s(h.currency()));
        m.put("outcome", s(h.outcome().name()));
        put(m, "errorCode", h.errorCode());
        put(m, "reasonCode", h.reasonCode());
        put(m, "declineClass", h.declineClass() == null ? null : h.declineClass().name());
        m.put("at", s(h.at().toString()));
        return m;
    }

    private static ChargeHistoryEntry entryFrom(Map<String, AttributeValue> m) {
        String declineClass = str(m, "declineClass");
        return new ChargeHistoryEntry(num(m, CYCLE), num(m, ATTEMPT), str(m, "chargeId"), str(m, "shopTransactionId"),
                Amounts.parse(str(m, "amount")), str(m, "currency"), ChargeState.valueOf(str(m, "outcome")),
                str(m, "errorCode"), str(m, "reasonCode"),
                declineClass == null ? null : DeclineClass.valueOf(declineClass), Instant.parse(str(m, "at")));
    }
}
