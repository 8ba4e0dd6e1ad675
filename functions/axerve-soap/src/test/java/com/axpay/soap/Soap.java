package com.axpay.soap;

/** Hand-written Axerve-shaped SOAP 1.1 responses for the tests (own values, modelled on the real shapes). */
final class Soap {
    private Soap() {
    }

    /** A response envelope for {@code operation} of the service whose namespace is {@code ns}. */
    static String response(String ns, String operation, String payload) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">"
                + "<soap:Body><" + operation + "Response xmlns=\"" + ns + "\"><" + operation + "Result>" + payload
                + "</" + operation + "Result></" + operation + "Response></soap:Body></soap:Envelope>";
    }

    static String crypt(String operation, String payloadChildren) {
        return response(AxerveClient.CRYPT_NS, operation,
                "<GestPayCryptDecrypt xmlns=\"\">" + payloadChildren + "</GestPayCryptDecrypt>");
    }

    static String s2s(String operation, String payloadChildren) {
        return response(AxerveClient.S2S_NS, operation, "<GestPayS2S xmlns=\"\">" + payloadChildren + "</GestPayS2S>");
    }

    static String fields(String... nameValue) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nameValue.length; i += 2) {
            b.append('<').append(nameValue[i]).append('>').append(nameValue[i + 1]).append("</")
                    .append(nameValue[i]).append('>');
        }
        return b.toString();
    }

    static String ko(String operation, String type, String code, String description) {
        return (operation.startsWith("call") ? s2s(operation, koFields(type, code, description))
                : crypt(operation, koFields(type, code, description)));
    }

    private static String koFields(String type, String code, String description) {
        return fields("TransactionType", type, "TransactionResult", "KO", "ErrorCode", code, "ErrorDescription",
                description);
    }

    static final String ENCRYPT_OK = crypt("Encrypt", fields("TransactionType", "ENCRYPT", "TransactionResult", "OK",
            "CryptDecryptString", "Zx81*abc_Q9", "ErrorCode", "0") + "<ErrorDescription/>");
}
