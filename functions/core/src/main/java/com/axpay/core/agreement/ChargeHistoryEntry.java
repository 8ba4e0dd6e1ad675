package com.axpay.core.agreement;

import java.math.BigDecimal;
import java.time.Instant;

/** One settled charge as the agreement shows it: what, when and how it ended. */
public record ChargeHistoryEntry(int cycle, int attempt, String chargeId, String shopTransactionId,
                                 BigDecimal amount, String currency, ChargeState outcome, String errorCode,
                                 String reasonCode, DeclineClass declineClass, Instant at) {

    static ChargeHistoryEntry of(ChargeRecord c, Instant at) {
        return new ChargeHistoryEntry(c.cycle(), c.attempt(), c.chargeId(), c.shopTransactionId(), c.amount(),
                c.currency(), c.state(), c.errorCode(), c.reasonCode(), c.declineClass(), at);
    }
}
