package com.axpay.soap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the untyped {@code GestPayCryptDecrypt} / {@code GestPayS2S} payload. Children are matched by local name
 * whatever namespace or prefix the server used; every child is optional and an empty element counts as absent.
 */
final class PayloadParser {
    /** Axerve's S2S buyer fields carry a literal, escaped {@code <![CDATA[...]]>} wrapper. */
    private static final Pattern ESCAPED_CDATA = Pattern.compile("^<!\\[CDATA\\[(.*)]]>$", Pattern.DOTALL);

    private PayloadParser() {
    }

    static AxerveResult parse(Element payload) {
        AxerveResult.Builder b = new AxerveResult.Builder();
        b.transactionType = text(payload, "TransactionType");
        b.outcome = TransactionOutcome.parse(text(payload, "TransactionResult"));
        b.errorCode = first(text(payload, "ErrorCode"), text(payload, "TransactionErrorCode"));
        b.errorDescription = first(text(payload, "ErrorDescription"), text(payload, "TransactionErrorDescription"));
        b.shopTransactionId = text(payload, "ShopTransactionID");
        b.bankTransactionId = text(payload, "BankTransactionID");
        b.authorizationCode = text(payload, "AuthorizationCode");
        b.currency = text(payload, "Currency");
        b.amount = text(payload, "Amount");
        b.country = text(payload, "Country");
        Element buyer = child(payload, "Buyer");
        if (buyer != null) {
            String name = text(buyer, "BuyerName");
            String email = text(buyer, "BuyerEmail");
            b.buyer = name == null && email == null ? null : new AxerveResult.Buyer(name, email);
        }
        readCustomInfo(payload, b);
        b.token = first(text(payload, "TOKEN"), text(payload, "Token"));
        b.tokenExpiryMonth = text(payload, "TokenExpiryMonth");
        b.tokenExpiryYear = text(payload, "TokenExpiryYear");
        b.paymentMethod = text(payload, "PaymentMethod");
        b.transactionState = text(payload, "TransactionState");
        b.transactionKey = text(payload, "TransactionKey");
        b.company = text(payload, "Company");
        b.events = events(child(payload, "Events"));
        b.alertCode = text(payload, "AlertCode");
        b.alertDescription = text(payload, "AlertDescription");
        b.tdLevel = text(payload, "TDLevel");
        b.maskedPan = text(payload, "MaskedPAN");
        b.productType = text(payload, "ProductType");
        Element risk = child(payload, "RISK");
        b.riskResponseCode = first(text(payload, "RiskResponseCode"), text(risk, "RiskResponseCode"));
        b.riskResponseDescription = first(text(payload, "RiskResponseDescription"),
                text(risk, "RiskResponseDescription"));
        Element vbv = child(payload, "VbV");
        b.vbvFlag = first(text(payload, "VbVFlag"), text(vbv, "VbVFlag"));
        b.vbvBuyer = first(text(payload, "VbVBuyer"), text(vbv, "VbVBuyer"));
        b.vbvRisp = first(text(payload, "VbVRisp"), text(vbv, "VbVRisp"));
        b.orderReferenceDetails = orderReference(child(payload, "OrderReferenceDetails"));
        return b.build();
    }

    /** EncryptResult payload: CryptDecryptString plus the common result fields. */
    static String cryptDecryptString(Element payload) {
        return text(payload, "CryptDecryptString");
    }

    private static void readCustomInfo(Element payload, AxerveResult.Builder b) {
        Element ci = child(payload, "CustomInfo");
        if (ci == null) {
            return;
        }
        List<Element> entries = children(ci);
        if (entries.isEmpty()) {
            b.customInfoRaw = clean(ci.getTextContent());
            b.customInfo = CustomInfo.parse(b.customInfoRaw);
        } else {
            Map<String, String> map = new LinkedHashMap<>();
            for (Element e : entries) {
                String v = clean(e.getTextContent());
                map.put(localNameOf(e), v == null ? "" : v);
            }
            b.customInfo = java.util.Collections.unmodifiableMap(map);
        }
    }

    private static List<AxerveResult.Event> events(Element events) {
        List<AxerveResult.Event> out = new ArrayList<>();
        for (Element e : children(events)) {
            if ("event".equalsIgnoreCase(e.getLocalName())) {
                out.add(new AxerveResult.Event(text(e, "eventtype"), text(e, "eventamount"), text(e, "eventdate"),
                        text(e, "eventID"), text(e, "eventARN")));
            }
        }
        return out;
    }

    private static AxerveResult.OrderReferenceDetails orderReference(Element ord) {
        if (ord == null) {
            return null;
        }
        Element status = child(ord, "OrderReferenceStatus");
        Element destination = child(ord, "Destination");
        Element billing = child(ord, "BillingAddress");
        Element buyer = child(ord, "Buyer");
        Element total = child(ord, "OrderTotal");
        AxerveResult.AmazonBuyer amazonBuyer = null;
        if (buyer != null) {
            amazonBuyer = new AxerveResult.AmazonBuyer(text(buyer, "Name"), text(buyer, "Email"), text(buyer, "Phone"));
        }
        AxerveResult.OrderTotal orderTotal = null;
        if (total != null) {
            orderTotal = new AxerveResult.OrderTotal(text(total, "CurrencyCode"), text(total, "Amount"));
        }
        String rpa = text(ord, "RequestPaymentAuthorization");
        return new AxerveResult.OrderReferenceDetails(
                text(ord, "AmazonOrderReferenceId"),
                text(status, "State"),
                text(status, "ReasonCode"),
                text(ord, "OrderLanguage"),
                text(destination, "DestinationType"),
                address(child(destination, "PhysicalDestination")),
                text(billing, "AddressType"),
                address(child(billing, "PhysicalAddress")),
                amazonBuyer,
                orderTotal,
                text(child(ord, "SellerOrderAttributes"), "SellerOrderId"),
                text(ord, "ReleaseEnvironment"),
                text(ord, "CreationTimestamp"),
                text(ord, "ExpirationTimestamp"),
                rpa == null ? null : Boolean.valueOf(rpa.trim()));
    }

    private static AxerveResult.PhysicalAddress address(Element a) {
        if (a == null) {
            return null;
        }
        return new AxerveResult.PhysicalAddress(text(a, "Name"), text(a, "AddressLine1"), text(a, "AddressLine2"),
                text(a, "AddressLine3"), text(a, "City"), text(a, "County"), text(a, "District"),
                text(a, "StateOrRegion"), text(a, "PostalCode"), text(a, "CountryCode"), text(a, "Phone"));
    }

    /** Text of the first direct child with that local name, cleaned; null when absent or empty. */
    static String text(Element parent, String localName) {
        Element c = child(parent, localName);
        return c == null ? null : clean(c.getTextContent());
    }

    static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(localNameOf(e))) {
                return e;
            }
        }
        return null;
    }

    /** The first child element, or null when there is none (the payload inside a {@code *Result}). */
    static Element firstChild(Element parent) {
        List<Element> all = children(parent);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent != null) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Local name, also for DOMs built without namespace awareness. */
    static String localNameOf(Element e) {
        String local = e.getLocalName();
        if (local != null) {
            return local;
        }
        String tag = e.getTagName();
        int colon = tag.indexOf(':');
        return colon < 0 ? tag : tag.substring(colon + 1);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        Matcher m = ESCAPED_CDATA.matcher(t);
        if (m.matches()) {
            t = m.group(1).trim();
        }
        return t.isEmpty() ? null : t;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
