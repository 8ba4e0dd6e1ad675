package com.axpay.soap;

import java.util.List;
import java.util.Map;

/**
 * callPagamS2S parameters for a token (recurring) or Amazon Order Reference ({@code transKey}) payment; card data is
 * deliberately not supported. {@link #toString()} leaves out buyer data and the token.
 */
public record PagamRequest(String uicCode, String amount, String shopTransactionId, String buyerName,
        String buyerEmail, Integer languageId, String transKey, String customInfo, String tokenValue, String clientIP,
        Boolean recurrent, List<String> paymentTypes) {

    public PagamRequest {
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
        return "PagamRequest[shopTransactionId=" + shopTransactionId + ", amount=" + amount + ", uicCode=" + uicCode
                + ", recurrent=" + recurrent + ", paymentTypes=" + paymentTypes + "]";
    }

    public static final class Builder {
        private String uicCode;
        private String amount;
        private String shopTransactionId;
        private String buyerName;
        private String buyerEmail;
        private Integer languageId;
        private String transKey;
        private String customInfo;
        private String tokenValue;
        private String clientIP;
        private Boolean recurrent;
        private List<String> paymentTypes;

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

        public Builder languageId(int languageId) {
            this.languageId = languageId;
            return this;
        }

        /** 3-D Secure transaction id, or for Amazon Pay the Amazon Order Reference ID. */
        public Builder transKey(String transKey) {
            this.transKey = transKey;
            return this;
        }

        public Builder customInfo(Map<String, String> customInfo) {
            this.customInfo = CustomInfo.encode(customInfo);
            return this;
        }

        public Builder tokenValue(String tokenValue) {
            this.tokenValue = tokenValue;
            return this;
        }

        public Builder clientIP(String clientIP) {
            this.clientIP = clientIP;
            return this;
        }

        public Builder recurrent(boolean recurrent) {
            this.recurrent = recurrent;
            return this;
        }

        public Builder paymentType(String... paymentTypes) {
            this.paymentTypes = List.of(paymentTypes);
            return this;
        }

        public Builder paymentTypes(List<String> paymentTypes) {
            this.paymentTypes = paymentTypes;
            return this;
        }

        public PagamRequest build() {
            return new PagamRequest(uicCode, amount, shopTransactionId, buyerName, buyerEmail, languageId, transKey,
                    customInfo, tokenValue, clientIP, recurrent, paymentTypes);
        }
    }
}
