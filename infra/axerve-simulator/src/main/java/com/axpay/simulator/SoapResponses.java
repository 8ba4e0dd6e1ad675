package com.axpay.simulator;

/** Response bodies shaped like Axerve's ASP.NET ASMX services. */
final class SoapResponses {
    private SoapResponses() {}

    /** {@code <OpResponse xmlns=ns><OpResult><Payload xmlns="">...} */
    static String result(SoapVersion v, String operation, String namespace, XmlNode payload) {
        StringBuilder b = new StringBuilder(1024).append(v.envelopeStart());
        b.append('<').append(operation).append("Response xmlns=\"").append(namespace).append("\">");
        b.append('<').append(operation).append("Result>");
        payload.write(b, "xmlns=\"\"");
        b.append("</").append(operation).append("Result>");
        b.append("</").append(operation).append("Response>");
        return b.append(SoapVersion.envelopeEnd()).toString();
    }

    /** The generic IIS/ASP.NET error page a 500 from Axerve's front end looks like. */
    static String iisServerError() {
        return "<!DOCTYPE html><html><head><title>Runtime Error</title></head><body>"
                + "<h1>Server Error in '/' Application.</h1><h2><i>Runtime Error</i></h2>"
                + "<p>An application error occurred on the server.</p></body></html>";
    }

    /** Opening of a result envelope, for faults that break or pad the body. */
    static String resultStart(SoapVersion v, String operation, String namespace, String payloadName) {
        return v.envelopeStart() + '<' + operation + "Response xmlns=\"" + namespace + "\"><" + operation + "Result><"
                + payloadName + " xmlns=\"\">";
    }

    static String resultEnd(String operation, String payloadName) {
        return "</" + payloadName + "></" + operation + "Result></" + operation + "Response>" + SoapVersion.envelopeEnd();
    }
}
