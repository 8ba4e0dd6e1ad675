package com.axpay.core.usecase;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.port.AgreementRepository;
import com.axpay.core.usecase.AgreementException.Reason;
import com.axpay.core.validation.Ids;

import java.util.Optional;

/** The agreement a caller names: a malformed id is never looked up, and an unknown one is NOT_FOUND. */
final class AgreementLookup {

    private AgreementLookup() {
    }

    static Agreement require(AgreementRepository agreements, String agreementId) {
        return (Ids.wellFormed(agreementId) ? agreements.findById(agreementId) : Optional.<Agreement>empty())
                .orElseThrow(() -> new AgreementException(Reason.NOT_FOUND, "no agreement " + agreementId));
    }
}
