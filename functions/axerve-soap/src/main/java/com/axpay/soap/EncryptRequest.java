package com.axpay.soap;

import java.util.List;
import java.util.Map;

/**
 * Encrypt parameters (WSCryptDecrypt). uicCode, amount and shopTransactionId are required; everything else is sent
 * only when set. {@link #toString()} leaves out buyer data.
 */
public record EncryptRequest(String uicCode, String amount, String shopTransactionId, String buyerName,
        String buyerEmail, Integer languageId, String customInfo, String requestToken, List<String> paymentTypes,
        String amazonPayBillingAgreementDescription) {

    public EncryptRequest {
        Require.uicCode(uicCode);
        Require.amount(amount);
        Require.nonBlank("shopTransactionId", shopTransactionId);
        paymentTypes = paymentTypes == null ? List.of() : List.copyOf(paymentTypes);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "EncryptRequest[shopTransactionId=" + shopTransactionId + ", amount=" + amount + ", uicCode=" + uicCode
                + ", paymentTypes=" + paymentTypes + "]";
    }

    public static final class Builder {
        private String uicCode;
        private String amount;
        private String shopTransactionId;
        private String buyerName;
        private String buyerEmail;
        private Integer languageId;
        private String customInfo;
        private String requestToken;
        private List<String> paymentTypes;
        private String amazonPayBillingAgreementDescription;

        private Builder() {
        }

        public Builder uicCode(String uicCode) {
            this.uicCode = uicCode;
            return this;
        }

        public Builder amount(String amount) {
            this.amount = amount;
            return this;
        }

        public Builder shopTransactionId(String shopTransactionId) {
            this.shopTransactionId = shopTransactionId;
            return this;
        }

        public Builder buyerName(String buyerName) {
            this.buyerName = buyerName;
            return this;
        }

        public Builder buyerEmail(String buyerEmail) {
            this.buyerEmail = buyerEmail;
            return this;
        }

        /** 1 Italian, 2 English, 3 Spanish, 4 French, 5 German. */
        public Builder languageId(int languageId) {
            this.languageId = languageId;
            return this;
        }

        /** Encoded as {@code k=v*P1*k=v}; throws at once on characters Axerve forbids. */
        public Builder customInfo(Map<String, String> customInfo) {
            this.customInfo = CustomInfo.encode(customInfo);
            return this;
        }

        /** {@code MASKEDPAN} for a standard token, any other value for a custom one. */
        public Builder requestToken(String requestToken) {
            this.requestToken = requestToken;
            return this;
        }

        /** e.g. {@code AMAZONPAY}; with exactly one type Axerve goes straight to that provider. */
        public Builder paymentType(String... paymentTypes) {
            this.paymentTypes = List.of(paymentTypes);
            return this;
        }

        public Builder paymentTypes(List<String> paymentTypes) {
            this.paymentTypes = paymentTypes;
            return this;
        }

        /** {@code paynowandrecurring} or {@code onlyrecurring} to get an Amazon Pay token; null = no token. */
        public Builder amazonPayBillingAgreementDescription(String description) {
            this.amazonPayBillingAgreementDescription = description;
            return this;
        }

        public EncryptRequest build() {
            return new EncryptRequest(uicCode, amount, shopTransactionId, buyerName, buyerEmail, languageId,
                    customInfo, requestToken, paymentTypes, amazonPayBillingAgreementDescription);
        }
    }
}
