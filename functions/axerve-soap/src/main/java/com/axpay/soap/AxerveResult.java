package com.axpay.soap;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything a Decrypt ({@code GestPayCryptDecrypt}) or WSs2s ({@code GestPayS2S}) payload carries that the flows
 * use. Every field is optional: an absent or empty element is {@code null} (nested objects too), lists and maps are
 * empty. Text is kept as Axerve sent it (amounts as strings, Italian descriptions, dates in Axerve's formats).
 * {@link #toString()} leaves out personal data (buyer names, e-mails, addresses).
 */
public final class AxerveResult {

    /** {@code Buyer/BuyerName}, {@code Buyer/BuyerEmail} (escaped-CDATA wrappers removed). */
    public record Buyer(String name, String email) {
        @Override
        public String toString() {
            return "Buyer[redacted]";
        }
    }

    /** One {@code Events/event} of callReadTrxS2S: eventtype AUT/MOV/CAN/STO/PRE/REQ, date dd/MM/yy HH:mm:ss. */
    public record Event(String type, String amount, String date, String id, String arn) {
    }

    /** Amazon Pay postal address ({@code PhysicalDestination} or {@code BillingAddress/PhysicalAddress}). */
    public record PhysicalAddress(String name, String addressLine1, String addressLine2, String addressLine3,
            String city, String county, String district, String stateOrRegion, String postalCode, String countryCode,
            String phone) {
        @Override
        public String toString() {
            return "PhysicalAddress[countryCode=" + countryCode + ", rest redacted]";
        }
    }

    /** {@code OrderReferenceDetails/Buyer} (Amazon's buyer, distinct from Axerve's {@link Buyer}). */
    public record AmazonBuyer(String name, String email, String phone) {
        @Override
        public String toString() {
            return "AmazonBuyer[redacted]";
        }
    }

    /** {@code OrderReferenceDetails/OrderTotal}: ISO currency and amount as sent. */
    public record OrderTotal(String currencyCode, String amount) {
    }

    /** Amazon Pay {@code OrderReferenceDetails} block of callReadTrxS2S. */
    public record OrderReferenceDetails(String amazonOrderReferenceId, String state, String reasonCode,
            String orderLanguage, String destinationType, PhysicalAddress destination, String billingAddressType,
            PhysicalAddress billingAddress, AmazonBuyer buyer, OrderTotal orderTotal, String sellerOrderId,
            String releaseEnvironment, String creationTimestamp, String expirationTimestamp,
            Boolean requestPaymentAuthorization) {
    }

    private final String transactionType;
    private final TransactionOutcome outcome;
    private final String errorCode;
    private final String errorDescription;
    private final String shopTransactionId;
    private final String bankTransactionId;
    private final String authorizationCode;
    private final String currency;
    private final String amount;
    private final String country;
    private final Buyer buyer;
    private final String customInfoRaw;
    private final Map<String, String> customInfo;
    private final String token;
    private final String tokenExpiryMonth;
    private final String tokenExpiryYear;
    private final String paymentMethod;
    private final String transactionState;
    private final String transactionKey;
    private final String company;
    private final List<Event> events;
    private final String alertCode;
    private final String alertDescription;
    private final String tdLevel;
    private final String maskedPan;
    private final String productType;
    private final String riskResponseCode;
    private final String riskResponseDescription;
    private final String vbvFlag;
    private final String vbvBuyer;
    private final String vbvRisp;
    private final OrderReferenceDetails orderReferenceDetails;

    AxerveResult(Builder b) {
        transactionType = b.transactionType;
        outcome = b.outcome;
        errorCode = b.errorCode;
        errorDescription = b.errorDescription;
        shopTransactionId = b.shopTransactionId;
        bankTransactionId = b.bankTransactionId;
        authorizationCode = b.authorizationCode;
        currency = b.currency;
        amount = b.amount;
        country = b.country;
        buyer = b.buyer;
        customInfoRaw = b.customInfoRaw;
        customInfo = b.customInfo == null ? Map.of() : b.customInfo;
        token = b.token;
        tokenExpiryMonth = b.tokenExpiryMonth;
        tokenExpiryYear = b.tokenExpiryYear;
        paymentMethod = b.paymentMethod;
        transactionState = b.transactionState;
        transactionKey = b.transactionKey;
        company = b.company;
        events = b.events == null ? List.of() : List.copyOf(b.events);
        alertCode = b.alertCode;
        alertDescription = b.alertDescription;
        tdLevel = b.tdLevel;
        maskedPan = b.maskedPan;
        productType = b.productType;
        riskResponseCode = b.riskResponseCode;
        riskResponseDescription = b.riskResponseDescription;
        vbvFlag = b.vbvFlag;
        vbvBuyer = b.vbvBuyer;
        vbvRisp = b.vbvRisp;
        orderReferenceDetails = b.orderReferenceDetails;
    }

    /** DECRYPT, PAGAM, QUERYTX, Refund, Settle, Delete, DisableToken, ... */
    public String transactionType() {
        return transactionType;
    }

    public TransactionOutcome outcome() {
        return outcome;
    }

    /** "0" on success; for token calls taken from {@code TransactionErrorCode}. */
    public String errorCode() {
        return errorCode;
    }

    public String errorDescription() {
        return errorDescription;
    }

    public String shopTransactionId() {
        return shopTransactionId;
    }

    public String bankTransactionId() {
        return bankTransactionId;
    }

    public String authorizationCode() {
        return authorizationCode;
    }

    /** UIC currency code as sent (see {@link UicCurrency}). */
    public String currency() {
        return currency;
    }

    /** Amount exactly as sent, e.g. "10.00". */
    public String amount() {
        return amount;
    }

    /** {@link #amount()} as a number, or null when absent or not a number. */
    public BigDecimal amountValue() {
        if (amount == null) {
            return null;
        }
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    public String country() {
        return country;
    }

    public Buyer buyer() {
        return buyer;
    }

    /** CustomInfo string as received ({@code k=v*P1*k=v}); null when it came as elements or not at all. */
    public String customInfoRaw() {
        return customInfoRaw;
    }

    /** CustomInfo from either form: the Decrypt string or the S2S child elements (upper-cased keys there). */
    public Map<String, String> customInfo() {
        return customInfo;
    }

    /** {@code TOKEN} (payments) or {@code Token} (CallRequestTokenS2S). */
    public String token() {
        return token;
    }

    public String tokenExpiryMonth() {
        return tokenExpiryMonth;
    }

    public String tokenExpiryYear() {
        return tokenExpiryYear;
    }

    public String paymentMethod() {
        return paymentMethod;
    }

    /** callReadTrxS2S: AUT, MOV, CAN, STO, PRE. */
    public String transactionState() {
        return transactionState;
    }

    public String transactionKey() {
        return transactionKey;
    }

    /** callReadTrxS2S: e.g. AMAZONPAY. */
    public String company() {
        return company;
    }

    public List<Event> events() {
        return events;
    }

    public String alertCode() {
        return alertCode;
    }

    public String alertDescription() {
        return alertDescription;
    }

    public String tdLevel() {
        return tdLevel;
    }

    public String maskedPan() {
        return maskedPan;
    }

    public String productType() {
        return productType;
    }

    /** Flat in payloads or under {@code RISK}. */
    public String riskResponseCode() {
        return riskResponseCode;
    }

    public String riskResponseDescription() {
        return riskResponseDescription;
    }

    /** 3-D Secure fields, flat in Decrypt, under {@code VbV} in S2S. */
    public String vbvFlag() {
        return vbvFlag;
    }

    public String vbvBuyer() {
        return vbvBuyer;
    }

    public String vbvRisp() {
        return vbvRisp;
    }

    public OrderReferenceDetails orderReferenceDetails() {
        return orderReferenceDetails;
    }

    /** True when the payload names a transaction (a non-empty ShopTransactionID). */
    public boolean namesTransaction() {
        return shopTransactionId != null;
    }

    @Override
    public String toString() {
        return "AxerveResult[type=" + transactionType + ", outcome=" + outcome + ", errorCode=" + errorCode
                + ", shopTransactionId=" + shopTransactionId + ", bankTransactionId=" + bankTransactionId
                + ", state=" + transactionState + ", amount=" + amount + ", currency=" + currency + "]";
    }

    /** Filled by {@link PayloadParser}. */
    static final class Builder {
        String transactionType;
        TransactionOutcome outcome;
        String errorCode;
        String errorDescription;
        String shopTransactionId;
        String bankTransactionId;
        String authorizationCode;
        String currency;
        String amount;
        String country;
        Buyer buyer;
        String customInfoRaw;
        Map<String, String> customInfo;
        String token;
        String tokenExpiryMonth;
        String tokenExpiryYear;
        String paymentMethod;
        String transactionState;
        String transactionKey;
        String company;
        List<Event> events;
        String alertCode;
        String alertDescription;
        String tdLevel;
        String maskedPan;
        String productType;
        String riskResponseCode;
        String riskResponseDescription;
        String vbvFlag;
        String vbvBuyer;
        String vbvRisp;
        OrderReferenceDetails orderReferenceDetails;

        AxerveResult build() {
            return new AxerveResult(this);
        }
    }
}
