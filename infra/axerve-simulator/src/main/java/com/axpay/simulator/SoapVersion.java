package com.axpay.simulator;

import java.util.Locale;

/**
 * The two SOAP versions Axerve's ASMX services bind (ports {@code ...Soap} and {@code ...Soap12} on one address). ASMX
 * picks the version from the request's Content-Type: {@code text/xml} = 1.1 (action in the SOAPAction header),
 * {@code application/soap+xml} = 1.2 (action as a Content-Type parameter).
 */
enum SoapVersion {
    SOAP11("http://schemas.xmlsoap.org/soap/envelope/", "text/xml; charset=utf-8"),
    SOAP12("http://www.w3.org/2003/05/soap-envelope", "application/soap+xml; charset=utf-8");

    final String envelopeNs;
    final String contentType;

    SoapVersion(String envelopeNs, String contentType) {
        this.envelopeNs = envelopeNs;
        this.contentType = contentType;
    }

    /** The version a Content-Type asks for; null for anything else (application/xml, missing...). */
    static SoapVersion ofContentType(String contentType) {
        String media = mediaType(contentType);
        return switch (media) {
            case "text/xml" -> SOAP11;
            case "application/soap+xml" -> SOAP12;
            default -> null;
        };
    }

    static String mediaType(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The {@code action} parameter of a SOAP 1.2 Content-Type, unquoted; null when absent. */
    static String actionParameter(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && "action".equalsIgnoreCase(p.substring(0, eq).trim())) {
                return p.substring(eq + 1).trim().replace("\"", "");
            }
        }
        return null;
    }

    String envelopeStart() {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + envelopeNs + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>";
    }

    static String envelopeEnd() { return "</soap:Body></soap:Envelope>"; }

    /**
     * A fault as ASMX writes it for this version. {@code code} is the SOAP 1.1 name (Client, Server, VersionMismatch);
     * SOAP 1.2 calls them Sender and Receiver.
     */
    String fault(String code, String reason) {
        String text = SecureXml.escape(reason);
        if (this == SOAP11) {
            return envelopeStart() + "<soap:Fault><faultcode>soap:" + code + "</faultcode><faultstring>" + text
                    + "</faultstring><detail/></soap:Fault>" + envelopeEnd();
        }
        String code12 = switch (code) {
            case "Client" -> "Sender";
            case "Server" -> "Receiver";
            default -> code;
        };
        return envelopeStart() + "<soap:Fault><soap:Code><soap:Value>soap:" + code12 + "</soap:Value></soap:Code>"
                + "<soap:Reason><soap:Text xml:lang=\"en\">" + text + "</soap:Text></soap:Reason><soap:Detail/>"
                + "</soap:Fault>" + envelopeEnd();
    }
}
