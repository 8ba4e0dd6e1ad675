package com.axpay.soap.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP exchange that never leaves the JVM, for SnapStart priming: Metro writes the whole SOAP request into it
 * and reads back a canned Axerve-shaped answer for the operation named by the SOAPAction, through the same
 * transport, codec and JAXB path a real call takes. Used only for {@link #HOST}, a reserved {@code .invalid} name
 * that no DNS resolves, so a mistake cannot reach the network either.
 */
final class PrimingConnection extends HttpURLConnection {
    /** The host of the priming endpoint (RFC 2606 reserves {@code .invalid}). */
    static final String HOST = "axerve-priming.invalid";
    private static final AtomicInteger EXCHANGES = new AtomicInteger();

    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private volatile String soapAction;
    private byte[] response;

    PrimingConnection(URL url) {
        super(url);
    }

    /** Exchanges completed in this process (tests check priming went through the transport). */
    static int exchanges() {
        return EXCHANGES.get();
    }

    @Override
    public void setRequestProperty(String key, String value) {
        super.setRequestProperty(key, value);
        if ("SOAPAction".equalsIgnoreCase(key)) {
            soapAction = value;
        }
    }

    @Override
    public void addRequestProperty(String key, String value) {
        super.addRequestProperty(key, value);
        if ("SOAPAction".equalsIgnoreCase(key)) {
            soapAction = value;
        }
    }

    @Override
    public void connect() {
        connected = true;
    }

    @Override
    public void disconnect() {
        connected = false;
    }

    @Override
    public boolean usingProxy() {
        return false;
    }

    @Override
    public OutputStream getOutputStream() {
        return request;
    }

    @Override
    public int getResponseCode() {
        answer();
        return HTTP_OK;
    }

    @Override
    public String getResponseMessage() {
        return "OK";
    }

    @Override
    public InputStream getInputStream() {
        answer();
        return new ByteArrayInputStream(response);
    }

    @Override
    public String getContentType() {
        return "text/xml; charset=utf-8";
    }

    @Override
    public long getContentLengthLong() {
        answer();
        return response.length;
    }

    @Override
    public int getContentLength() {
        return (int) getContentLengthLong();
    }

    @Override
    public String getHeaderField(String name) {
        if (name == null) {
            return "HTTP/1.1 200 OK";
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "content-type" -> getContentType();
            case "content-length" -> Long.toString(getContentLengthLong());
            default -> null;
        };
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        return Map.of("Content-Type", List.of(getContentType()),
                "Content-Length", List.of(Long.toString(getContentLengthLong())));
    }

    private synchronized void answer() {
        if (response == null) {
            response = answer(soapAction, request.size()).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The canned answer to a request of {@code requestBytes} with this SOAPAction, counted as one exchange. */
    static String answer(String soapAction, int requestBytes) {
        String op = soapAction == null ? "" : soapAction.replace("\"", "");
        String answer = CannedAnswers.forOperation(op.substring(op.lastIndexOf('/') + 1), requestBytes);
        EXCHANGES.incrementAndGet();
        return answer;
    }

    /** Axerve-shaped OK answers, our own values, one per operation (the result element differs per operation). */
    static final class CannedAnswers {
        private static final String CRYPT_NS = "https://ecomm.sella.it/";
        private static final String S2S_NS = "https://ecomms2s.sella.it/";

        private CannedAnswers() {
        }

        static String forOperation(String op, int requestBytes) {
            if (requestBytes == 0) {
                throw new IllegalStateException("priming exchange without a request body");
            }
            return switch (op) {
                case "Encrypt" -> envelope(CRYPT_NS, op, "<GestPayCryptDecrypt xmlns=\"\">"
                        + "<TransactionType>ENCRYPT</TransactionType><TransactionResult>OK</TransactionResult>"
                        + "<CryptDecryptString>PRIMING</CryptDecryptString><ErrorCode>0</ErrorCode>"
                        + "<ErrorDescription/></GestPayCryptDecrypt>");
                case "Decrypt" -> envelope(CRYPT_NS, op, "<GestPayCryptDecrypt xmlns=\"\">"
                        + "<TransactionType>DECRYPT</TransactionType><TransactionResult>OK</TransactionResult>"
                        + "<ShopTransactionID>priming-1</ShopTransactionID><BankTransactionID>1</BankTransactionID>"
                        + "<AuthorizationCode>P1</AuthorizationCode><Currency>242</Currency><Amount>1.00</Amount>"
                        + "<ErrorCode>0</ErrorCode><ErrorDescription/></GestPayCryptDecrypt>");
                default -> envelope(S2S_NS, op, "<GestPayS2S xmlns=\"\"><TransactionType>PRIMING</TransactionType>"
                        + "<TransactionResult>OK</TransactionResult><ShopTransactionID>priming-1</ShopTransactionID>"
                        + "<BankTransactionID>1</BankTransactionID><TransactionState>MOV</TransactionState>"
                        + "<ErrorCode>0</ErrorCode><ErrorDescription/></GestPayS2S>");
            };
        }

        private static String envelope(String ns, String op, String payload) {
            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                    + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<" + op + "Response xmlns=\"" + ns + "\"><" + op + "Result>" + payload + "</" + op + "Result>"
                    + "</" + op + "Response></soap:Body></soap:Envelope>";
        }
    }
}
