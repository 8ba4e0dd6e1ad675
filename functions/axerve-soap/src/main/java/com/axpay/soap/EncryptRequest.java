package com.axpay.soap;

import java.util.Map;

/** Encrypt (WSCryptDecrypt): uicCode, amount and shopTransactionId are required; the rest is sent only when set. */
public final class EncryptRequest extends AxerveRequest {
    private EncryptRequest(Map<String, Object> values) {
        super(AxerveOperation.ENCRYPT, values);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends PaymentBuilder<EncryptRequest, Builder> {
        private Builder() {
            super(AxerveOperation.ENCRYPT, EncryptRequest::new);
        }

        /** {@code MASKEDPAN} for a standard token, any other value for a custom one. */
        public Builder requestToken(String requestToken) {
            return set("requestToken", requestToken);
        }

        /** {@code paynowandrecurring} or {@code onlyrecurring} to get an Amazon Pay token; null = no token. */
        public Builder amazonPayBillingAgreementDescription(String description) {
            return set("amazonPayBillingAgreementDescription", description);
        }
    }
}
