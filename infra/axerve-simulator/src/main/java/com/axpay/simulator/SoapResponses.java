package com.axpay.simulator;

/** Response bodies shaped like Axerve's ASP.NET ASMX services. */
final class SoapResponses {
    private static final String ENVELOPE_START = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>";
    private static final String ENVELOPE_END = "</soap:Body></soap:Envelope>";

    private SoapResponses() {}

    /** {@code <OpResponse xmlns=ns><OpResult><Payload xmlns="">...} */
    static String result(String operation, String namespace, XmlNode payload) {
        StringBuilder b = new StringBuilder(1024).append(ENVELOPE_START);
        b.append('<').append(operation).append("Response xmlns=\"").append(namespace).append("\">");
        b.append('<').append(operation).append("Result>");
        payload.write(b, "xmlns=\"\"");
        b.append("</").append(operation).append("Result>");
        b.append("</").append(operation).append("Response>");
        return b.append(ENVELOPE_END).toString();
    }

    static String fault(String faultCode, String faultString) {
        return ENVELOPE_START + "<soap:Fault><faultcode>" + faultCode + "</faultcode><faultstring>"
                + SecureXml.escape(faultString) + "</faultstring><detail/></soap:Fault>" + ENVELOPE_END;
    }

    /** The generic IIS/ASP.NET error page a 500 from Axerve's front end looks like. */
    static String iisServerError() {
        return "<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>"
                + "<h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2>"
                + "<p>An application error occurred on the server.</p></body></html>";
    }

    /** Opening of a result envelope, for faults that break or pad the body. */
    static String resultStart(String operation, String namespace, String payloadName) {
        return ENVELOPE_START + '<' + operation + "Response xmlns=\"" + namespace + "\"><" + operation + "Result><"
                + payloadName + " xmlns=\"\">";
    }

    static String resultEnd(String operation, String payloadName) {
        return "</" + payloadName + "></" + operation + "Result></" + operation + "Response>" + ENVELOPE_END;
    }
}
