package com.axpay.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Builds the GestPayCryptDecrypt / GestPayS2S payloads with Axerve's element names, case and order. */
final class Payloads {
    static final String CRYPT = "GestPayCryptDecrypt";
    static final String S2S = "GestPayS2S";
    private static final DateTimeFormatter EVENT_DATE =
            DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(SimulatorState.AXERVE_ZONE);
    private static final Map<String, String> ORDER_LANGUAGE =
            Map.of("1", "it-IT", "2", "en-GB", "3", "es-ES", "4", "fr-FR", "5", "de-DE");

    private static final Map<String, String> TRANSACTION_TYPES = Map.of("Encrypt", "ENCRYPT", "Decrypt", "DECRYPT",
            "callPagamS2S", "PAGAM", "callReadTrxS2S", "QUERYTX", "callRefundS2S", "Refund", "callSettleS2S", "Settle",
            "callDeleteS2S", "Delete", "callDeleteTokenS2S", "DisableToken");

    private Payloads() {}

    /** The TransactionType Axerve answers an operation with. */
    static String transactionType(String operation) {
        return TRANSACTION_TYPES.getOrDefault(operation, operation);
    }

    /** A KO with only the four fields Axerve sends for technical and authentication errors. */
    static XmlNode shortKo(String root, String type, int code) {
        return XmlNode.element(root).add("TransactionType", type).add("TransactionResult", "KO")
                .add("ErrorCode", code).add("ErrorDescription", ErrorCatalog.describe(code));
    }

    static XmlNode encryptOk(String cryptString) {
        return XmlNode.element(CRYPT).add("TransactionType", "ENCRYPT").add("TransactionResult", "OK")
                .add("CryptDecryptString", cryptString).add("ErrorCode", 0).add("ErrorDescription", "");
    }

    static XmlNode decrypt(ResultSnapshot s) {
        XmlNode n = XmlNode.element(CRYPT).add("TransactionType", "DECRYPT").add("TransactionResult", s.result())
                .add("ShopTransactionID", s.shopTransactionId()).add("BankTransactionID", s.bankTransactionId())
                .add("AuthorizationCode", s.authorizationCode()).add("Currency", s.uicCode())
                .add("Amount", s.amount()).add("Country", "").add("CustomInfo", s.customInfo());
        n.child("Buyer").add("BuyerName", s.buyerName()).add("BuyerEmail", s.buyerEmail());
        n.add("TDLevel", "").add("ErrorCode", s.errorCode()).add("ErrorDescription", s.errorDescription())
                .add("AlertCode", "").add("AlertDescription", "")
                // flat 3-D Secure fields, empty for Amazon Pay, where every real recorded Decrypt has them
                .add("VbVRisp", "").add("VbVBuyer", "").add("VbVFlag", "").add("TransactionKey", "")
                .add("PaymentMethod", "AMAZONPAY");
        if (s.token() != null) {
            n.add("TOKEN", s.token()).add("TokenExpiryMonth", s.tokenExpiryMonth())
                    .add("TokenExpiryYear", s.tokenExpiryYear());
        }
        return n;
    }

    /** A WSs2s KO answered before any transaction was touched. */
    static XmlNode s2sKo(String type, String shopTransactionId, String bankTransactionId, int code) {
        return XmlNode.element(S2S).add("TransactionType", type).add("TransactionResult", "KO")
                .add("ShopTransactionID", shopTransactionId).add("BankTransactionID", bankTransactionId)
                .add("ErrorCode", code).add("ErrorDescription", ErrorCatalog.describe(code));
    }

    static XmlNode s2sOk(String type, Transaction tx) {
        return XmlNode.element(S2S).add("TransactionType", type).add("TransactionResult", "OK")
                .add("ShopTransactionID", tx.shopTransactionId).add("BankTransactionID", tx.bankTransactionId())
                .add("ErrorCode", 0).add("ErrorDescription", ErrorCatalog.describe(0));
    }

    /**
     * A callPagamS2S refused before any authorization: the full PAGAM payload (every real recorded callPagamS2S KO
     * has all of it), echoing what the request said, with no BankTransactionID and no PaymentMethod.
     */
    static XmlNode pagamRefusal(SoapRequest req, int code) {
        XmlNode n = XmlNode.element(S2S).add("TransactionType", "PAGAM").add("TransactionResult", "KO")
                .add("ShopTransactionID", orEmpty(req.param("shopTransactionId"))).add("BankTransactionID", "")
                .add("AuthorizationCode", "").add("Currency", orEmpty(req.param("uicCode")))
                .add("Amount", orEmpty(req.param("amount"))).add("Country", "");
        n.child("Buyer").add("BuyerName", cdataLiteral(req.param("buyerName")))
                .add("BuyerEmail", cdataLiteral(req.param("buyerEmail")));
        XmlNode info = n.child("CustomInfo");
        String raw = req.param("customInfo");
        if (raw != null) {
            for (String pair : raw.split(java.util.regex.Pattern.quote("*P1*"))) {
                int eq = pair.indexOf('=');
                // only well-formed keys can become element names; the rest of a refused customInfo is dropped
                if (eq > 0 && pair.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]{0,49}")) {
                    info.add(pair.substring(0, eq).toUpperCase(Locale.ROOT), pair.substring(eq + 1));
                }
            }
        }
        n.add("ErrorCode", code).add("ErrorDescription", ErrorCatalog.describe(code)).add("AlertCode", "")
                .add("AlertDescription", "").add("TransactionKey", "");
        n.child("VbV").add("VbVFlag", "").add("VbVBuyer", "").add("VbVRisp", "");
        return n.add("PaymentMethod", "").add("TOKEN", "").add("TokenExpiryMonth", "").add("TokenExpiryYear", "");
    }

    private static String orEmpty(String s) { return s == null ? "" : s; }

    static XmlNode pagam(Transaction tx) {
        PaymentRequest r = tx.request();
        XmlNode n = XmlNode.element(S2S).add("TransactionType", "PAGAM").add("TransactionResult", tx.result().name())
                .add("ShopTransactionID", tx.shopTransactionId).add("BankTransactionID", tx.bankTransactionId())
                .add("AuthorizationCode", tx.authorizationCode()).add("Currency", r.uicCode())
                .add("Amount", tx.reportedAmount()).add("Country", "");
        n.add(s2sBuyer(r));
        XmlNode info = n.child("CustomInfo");
        r.customInfo().forEach((k, v) -> info.add(k.toUpperCase(Locale.ROOT), v));
        n.add("ErrorCode", tx.errorCode()).add("ErrorDescription", tx.errorDescription()).add("AlertCode", "")
                .add("AlertDescription", "").add("TransactionKey", "");
        n.child("VbV").add("VbVFlag", "").add("VbVBuyer", "").add("VbVRisp", "");
        // a consented billing agreement from the widgets comes back as the TOKEN, as paynowandrecurring's Decrypt does
        return n.add("PaymentMethod", "AMAZONPAY").add("TOKEN", orEmpty(tx.token()))
                .add("TokenExpiryMonth", orEmpty(tx.tokenExpiryMonth())).add("TokenExpiryYear", orEmpty(tx.tokenExpiryYear()));
    }

    static XmlNode readTrx(Transaction tx) {
        PaymentRequest r = tx.request();
        XmlNode n = XmlNode.element(S2S).add("TransactionType", "QUERYTX").add("TransactionResult", tx.result().name())
                .add("TransactionState", tx.state()).add("ShopTransactionID", tx.shopTransactionId)
                .add("BankTransactionID", tx.bankTransactionId()).add("AuthorizationCode", tx.authorizationCode())
                // no Amount: neither the documented field list nor the documented example has one
                .add("Currency", r.uicCode()).add("Country", "")
                .add("Company", "AMAZONPAY").add("TDLevel", "");
        XmlNode events = n.child("Events");
        for (TransactionEvent e : tx.events()) {
            events.child("event").add("eventtype", e.type()).add("eventamount", money(e.amount()))
                    .add("eventdate", EVENT_DATE.format(e.at())).add("eventARN", "").add("eventID", e.eventId());
        }
        n.add(s2sBuyer(r));
        n.child("RISK").add("RiskResponseCode", "").add("RiskResponseDescription", "");
        n.add("ErrorCode", tx.errorCode()).add("ErrorDescription", tx.errorDescription()).add("AlertCode", "")
                .add("AlertDescription", "");
        return n.add(orderReferenceDetails(tx));
    }

    private static XmlNode orderReferenceDetails(Transaction tx) {
        PaymentRequest r = tx.request();
        Scenario outcome = tx.lastOutcome();
        XmlNode d = XmlNode.element("OrderReferenceDetails");
        XmlNode status = d.child("OrderReferenceStatus").add("State", tx.orderReferenceState());
        if (outcome.reasonCode != null) {
            status.add("ReasonCode", outcome.reasonCode);
            if (outcome.softDecline != null) {
                status.add("ReasonDescription", outcome.softDecline
                        ? "SoftDecline: the buyer may retry with the same payment method"
                        : "HardDecline: the buyer must choose another payment method");
            }
        }
        d.add("OrderLanguage", ORDER_LANGUAGE.getOrDefault(r.languageId(), "it-IT"));
        Address ship = tx.shipping();
        if (outcome != Scenario.SHIPPING_ADDRESS_NOT_SET) {
            XmlNode dest = d.child("Destination").add("DestinationType", "Physical");
            XmlNode physical = dest.child("PhysicalDestination").add("StateOrRegion", ship.stateOrRegion()).add("Phone", ship.phone())
                    .add("City", ship.city()).add("CountryCode", ship.countryCode())
                    .add("PostalCode", ship.postalCode()).add("Name", ship.name())
                    .add("AddressLine1", ship.addressLine1());
            // Amazon leaves out address lines the buyer did not fill (the documented example has AddressLine1 only)
            if (!ship.addressLine2().isEmpty()) physical.add("AddressLine2", ship.addressLine2());
        }
        d.add("ExpirationTimestamp", tx.created.plus(Duration.ofDays(180)).toString()).add("IdList", null);
        d.child("SellerOrderAttributes").add("SellerOrderId", tx.shopTransactionId);
        d.child("OrderTotal").add("CurrencyCode", Currencies.iso(r.uicCode()).orElse(""))
                .add("Amount", money(r.amount()));
        String email = tx.amazonBuyerEmail() != null ? tx.amazonBuyerEmail()
                : r.buyerEmail() != null ? r.buyerEmail() : "buyer@example.com";
        d.child("Buyer").add("Name", r.buyerName() != null ? r.buyerName() : ship.name()).add("Email", email);
        d.add("ReleaseEnvironment", "Sandbox").add("AmazonOrderReferenceId", tx.amazonOrderReferenceId())
                .add("CreationTimestamp", tx.created.toString());
        Address bill = Address.billing();
        XmlNode billing = d.child("BillingAddress");
        billing.child("PhysicalAddress").add("City", bill.city()).add("CountryCode", bill.countryCode())
                .add("PostalCode", bill.postalCode()).add("Name", bill.name())
                .add("AddressLine1", bill.addressLine1()).add("AddressLine2", bill.addressLine2());
        billing.add("AddressType", "Physical");
        return d.add("RequestPaymentAuthorization", "false");
    }

    /** WSs2s quirk: buyer fields carry a literal, escaped CDATA wrapper. */
    private static XmlNode s2sBuyer(PaymentRequest r) {
        return XmlNode.element("Buyer").add("BuyerName", cdataLiteral(r.buyerName()))
                .add("BuyerEmail", cdataLiteral(r.buyerEmail()));
    }

    private static String cdataLiteral(String s) {
        return "<![CDATA[" + (s == null ? "" : s) + "]]>";
    }

    static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
