package com.axpay.store.dynamodb;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementState;
import com.axpay.core.agreement.ChargeHistoryEntry;
import com.axpay.core.agreement.ChargeState;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.domain.Refund;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Stored items must keep reading: the attribute names and encodings are pinned here, item by item. */
class ItemFormatTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:05:00Z");

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    @Test
    void aPendingRefundIsStoredAsBeforeAndReadsBack() {
        Refund refund = new Refund("pay_1", "r1", new BigDecimal("10.5"), "EUR", null, Refund.RefundState.PENDING,
                null, 2, 1, T0, T1);
        Map<String, AttributeValue> stored = Map.ofEntries(
                Map.entry("pk", s("REFUND#pay_1#r1")), Map.entry("type", s("REFUND")),
                Map.entry("paymentId", s("pay_1")), Map.entry("refundId", s("r1")),
                Map.entry("amount", s("10.50")), Map.entry("currency", s("EUR")), Map.entry("state", s("PENDING")),
                Map.entry("version", n("2")), Map.entry("attempts", n("1")),
                Map.entry("createdAt", s("2026-02-01T10:00:00Z")), Map.entry("updatedAt", s("2026-02-01T10:05:00Z")),
                Map.entry(TableDefinitions.OPEN_STATE, s("REFUND_PENDING")),
                Map.entry(TableDefinitions.OPEN_SINCE, n(Long.toString(T1.toEpochMilli()))));

        assertEquals(stored, RefundItems.toItem(refund));
        assertEquals(refund, RefundItems.fromItem(stored));
    }

    @Test
    void aSettledRefundKeepsItsReasonAndCodeAndLeavesTheIndex() {
        Refund refund = new Refund("pay_1", "r2", new BigDecimal("1.00"), "EUR", "damaged",
                Refund.RefundState.FAILED, "1143", 3, 1, T0, T1);

        Map<String, AttributeValue> item = RefundItems.toItem(refund);

        assertEquals(s("damaged"), item.get("reason"));
        assertEquals(s("1143"), item.get("errorCode"));
        assertFalse(item.containsKey(TableDefinitions.OPEN_STATE));
        assertEquals(refund, RefundItems.fromItem(item));
    }

    @Test
    void anAgreementIsStoredAsBeforeAndReadsBack() {
        Plan plan = new Plan(new BigDecimal("9.90"), "EUR", Period.ofMonths(1), null, 12);
        ChargeHistoryEntry declined = new ChargeHistoryEntry(1, 1, null, "stx-1", new BigDecimal("9.90"), "EUR",
                ChargeState.DECLINED, "E1", "R1", DeclineClass.SOFT, T0);
        Agreement agreement = new Agreement("agr_1", "pay_1", "order-1", RecurringMode.PAY_NOW_AND_RECURRING, plan,
                AgreementState.PAST_DUE, "tok", 1, 2, T0, 1, T1, 0, null, false, List.of(declined), 4, T0, T1);

        Map<String, AttributeValue> item = AgreementItems.agreementItem(agreement, 8);

        assertEquals(s("AGR#agr_1"), item.get("pk"));
        assertEquals(s("AGREEMENT"), item.get("type"));
        assertEquals(s("PAST_DUE"), item.get("state"));
        assertEquals(n("2"), item.get("attempt"));
        assertEquals(n("4"), item.get("version"));
        assertEquals(s("2026-02-01T10:05:00Z"), item.get("nextChargeAt"));
        assertEquals(AttributeValue.fromBool(false), item.get("tokenDeleted"));
        assertEquals(Map.of("amount", s("9.90"), "currency", s("EUR"), "interval", s("P1M"), "cycles", n("12")),
                item.get("plan").m());
        assertEquals(Map.ofEntries(Map.entry("cycle", n("1")), Map.entry("attempt", n("1")),
                Map.entry("shopTransactionId", s("stx-1")), Map.entry("amount", s("9.90")),
                Map.entry("currency", s("EUR")), Map.entry("outcome", s("DECLINED")), Map.entry("errorCode", s("E1")),
                Map.entry("reasonCode", s("R1")), Map.entry("declineClass", s("SOFT")),
                Map.entry("at", s("2026-02-01T10:00:00Z"))), item.get("history").l().getFirst().m());
        assertEquals(n(Long.toString(T1.toEpochMilli())), item.get(TableDefinitions.DUE_AT));
        assertFalse(item.containsKey("endReason"));
        assertEquals(agreement, AgreementItems.agreementFrom(item));
    }
}
