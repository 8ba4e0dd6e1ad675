package com.axpay.core.fakes;

import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.GatewayOutcome.Decline;
import com.axpay.core.domain.Verdict;

import java.math.BigDecimal;

/** Gateway outcomes as an adapter would build them, in core's terms only. */
public final class Outcomes {

    private Outcomes() {
    }

    public static GatewayOutcome of(Verdict verdict, String shopTransactionId, BigDecimal amount, String currency) {
        return new GatewayOutcome(verdict, verdict.approved() ? null : Decline.UNSPECIFIED,
                verdict.approved() ? "0" : "E-" + verdict, null, shopTransactionId, "bank-" + shopTransactionId,
                verdict.approved() ? "AUTH-1" : null, amount, currency, null, null, null, null);
    }

    public static GatewayOutcome declined(String shopTransactionId, DeclineReason reason, DeclineClass declineClass,
                                          String walletCode) {
        return new GatewayOutcome(Verdict.DECLINED, new Decline(reason, DeclineReason.OTHER, declineClass, walletCode),
                "E-DECLINED", "refused", shopTransactionId, "bank-" + shopTransactionId, null, null, null, null, null,
                null, null);
    }
}
