package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.ChargeRecord;
import com.axpay.core.domain.Amounts;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.usecase.AgreementException.Reason;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * POST /agreements/{id}/charges: a merchant-initiated one-off charge on the agreement's token, keyed by the caller's
 * chargeId. The same chargeId always answers with the same charge (one charge at Axerve, however often and however
 * concurrently it is sent); another amount or currency under it is a conflict.
 */
public final class ChargeUpsell {

    private final AgreementRepository agreements;
    private final ChargeProcessor processor;

    public ChargeUpsell(AgreementRepository agreements, ChargeProcessor processor) {
        this.agreements = Objects.requireNonNull(agreements);
        this.processor = Objects.requireNonNull(processor);
    }

    /** @param created whether this call created the charge record */
    public record Result(ChargeProcessor.Result charge, boolean created) {
    }

    /** @throws AgreementException NOT_FOUND, NOT_CHARGEABLE (new chargeId only) or CHARGE_CONFLICT */
    public Result charge(String agreementId, String chargeId, BigDecimal amount, String currency) {
        Agreement a = AgreementLookup.require(agreements, agreementId);
        String key = ChargeIds.upsellChargeKey(agreementId, chargeId);
        Optional<ChargeRecord> existing = agreements.findCharge(key);
        boolean created = false;
        if (existing.isEmpty()) {
            if (!a.state().isChargeable()) {
                throw new AgreementException(Reason.NOT_CHARGEABLE, "agreement is " + a.state());
            }
            created = agreements.createCharge(ChargeRecord.scheduledUpsell(agreementId, chargeId, amount, currency,
                    processor.clock().instant()));
            existing = agreements.findCharge(key);
        }
        ChargeRecord c = existing.orElseThrow();
        if (!Amounts.same(c.amount(), amount) || !c.currency().equals(currency)) {
            throw new AgreementException(Reason.CHARGE_CONFLICT,
                    "chargeId already used with another amount or currency");
        }
        return new Result(processor.process(key), created);
    }
}
