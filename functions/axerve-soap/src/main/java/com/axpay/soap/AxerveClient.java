package com.axpay.soap;

import com.axpay.soap.AxerveTransportException.Reason;
import com.axpay.soap.transport.ResponseLimitFeature;
import com.axpay.soap.wire.ResultWrapper;
import com.axpay.soap.wire.crypt.Decrypt;
import com.axpay.soap.wire.crypt.DecryptResponse;
import com.axpay.soap.wire.crypt.Encrypt;
import com.axpay.soap.wire.crypt.EncryptResponse;
import com.axpay.soap.wire.s2s.CallDeleteS2S;
import com.axpay.soap.wire.s2s.CallDeleteS2SResponse;
import com.axpay.soap.wire.s2s.CallDeleteTokenS2S;
import com.axpay.soap.wire.s2s.CallDeleteTokenS2SResponse;
import com.axpay.soap.wire.s2s.CallPagamS2S;
import com.axpay.soap.wire.s2s.CallPagamS2SResponse;
import com.axpay.soap.wire.s2s.CallReadTrxS2S;
import com.axpay.soap.wire.s2s.CallReadTrxS2SResponse;
import com.axpay.soap.wire.s2s.CallRefundS2S;
import com.axpay.soap.wire.s2s.CallRefundS2SResponse;
import com.axpay.soap.wire.s2s.CallSettleS2S;
import com.axpay.soap.wire.s2s.CallSettleS2SResponse;
import com.sun.xml.ws.developer.JAXWSProperties;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The Axerve SOAP client: WSCryptDecrypt (Encrypt, Decrypt) and WSs2s. Build one per process and share it: the
 * Services and Dispatches are created here once, configured once (endpoint, SOAPAction, timeouts) and never changed
 * afterwards, which is what makes Metro's Dispatch safe for concurrent calls. No WSDL is read at run time.
 *
 * <p>Every call returns a result or throws an {@link AxerveException} subclass saying what to do next.
 */
public final class AxerveClient {
    static final String CRYPT_NS = "https://ecomm.sella.it/";
    static final String S2S_NS = "https://ecomms2s.sella.it/";

    private final AxerveConfig config;
    private final Operation encrypt;
    private final Operation decrypt;
    private final Operation pagam;
    private final Operation readTrx;
    private final Operation refund;
    private final Operation settle;
    private final Operation delete;
    private final Operation deleteToken;

    /** One SOAP operation: its Dispatch (SOAPAction fixed at creation) and the response wrapper it must get. */
    private record Operation(String name, Dispatch<Object> dispatch, Class<? extends ResultWrapper> responseType) {
    }

    private AxerveClient(AxerveConfig config) {
        this.config = config;
        QName cryptPort = new QName(CRYPT_NS, "WSCryptDecryptSoap");
        Service crypt = Service.create(new QName(CRYPT_NS, "WSCryptDecrypt"));
        crypt.addPort(cryptPort, SOAPBinding.SOAP11HTTP_BINDING,
                config.environment().cryptDecryptEndpoint().toString());
        QName s2sPort = new QName(S2S_NS, "WSs2sSoap");
        Service s2s = Service.create(new QName(S2S_NS, "WSs2s"));
        s2s.addPort(s2sPort, SOAPBinding.SOAP11HTTP_BINDING, config.environment().s2sEndpoint().toString());

        encrypt = operation(crypt, cryptPort, CRYPT_NS, "Encrypt", EncryptResponse.class);
        decrypt = operation(crypt, cryptPort, CRYPT_NS, "Decrypt", DecryptResponse.class);
        pagam = operation(s2s, s2sPort, S2S_NS, "callPagamS2S", CallPagamS2SResponse.class);
        readTrx = operation(s2s, s2sPort, S2S_NS, "callReadTrxS2S", CallReadTrxS2SResponse.class);
        refund = operation(s2s, s2sPort, S2S_NS, "callRefundS2S", CallRefundS2SResponse.class);
        settle = operation(s2s, s2sPort, S2S_NS, "callSettleS2S", CallSettleS2SResponse.class);
        delete = operation(s2s, s2sPort, S2S_NS, "callDeleteS2S", CallDeleteS2SResponse.class);
        deleteToken = operation(s2s, s2sPort, S2S_NS, "callDeleteTokenS2S", CallDeleteTokenS2SResponse.class);
    }

    /** Builds the client (JAXB context, Services, Dispatches). Thread-safe; build once per process. */
    public static AxerveClient create(AxerveConfig config) {
        return new AxerveClient(config);
    }

    public AxerveConfig config() {
        return config;
    }

    private Operation operation(Service service, QName port, String ns, String name,
            Class<? extends ResultWrapper> responseType) {
        Dispatch<Object> d = service.createDispatch(port, WireContext.JAXB, Service.Mode.PAYLOAD,
                new ResponseLimitFeature(config.maxResponseBytes()));
        Map<String, Object> rc = d.getRequestContext();
        rc.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        rc.put(BindingProvider.SOAPACTION_URI_PROPERTY, ns + name);
        rc.put(JAXWSProperties.CONNECT_TIMEOUT, (int) config.connectTimeout().toMillis());
        rc.put(JAXWSProperties.REQUEST_TIMEOUT, (int) config.readTimeout().toMillis());
        return new Operation(name, d, responseType);
    }

    /** Encrypt: returns the CryptDecryptString for {@link #paymentPageUrl(String)}; a KO throws. */
    public EncryptResult encrypt(EncryptRequest request) {
        String op = encrypt.name();
        Element payload = call(encrypt, new Encrypt(config.shopLogin(), request, config.apikey()));
        AxerveResult result = outcomeOf(op, payload);
        if (result.outcome() != TransactionOutcome.OK) {
            throw ErrorCodeTable.toException(op, result);
        }
        String crypted = PayloadParser.cryptDecryptString(payload);
        if (crypted == null) {
            throw new AxerveTransportException(op, Reason.MALFORMED_RESPONSE, 200,
                    "Encrypt OK without CryptDecryptString", null);
        }
        return new EncryptResult(crypted, result.errorCode(), result.errorDescription());
    }

    /**
     * Decrypt of the {@code b} parameter Axerve sends to the response URLs. A payload naming a transaction is
     * returned whatever the payment's outcome (a declined payment is data, see {@link AxerveResult#outcome()});
     * a KO without a transaction (bad string, 1142, 1169, 9999) throws.
     */
    public AxerveResult decrypt(String cryptedString) {
        Require.nonBlank("cryptedString", cryptedString);
        String op = decrypt.name();
        AxerveResult result = outcomeOf(op,
                call(decrypt, new Decrypt(config.shopLogin(), cryptedString, config.apikey())));
        if (result.outcome() == TransactionOutcome.KO && !result.namesTransaction()) {
            throw ErrorCodeTable.toException(op, result);
        }
        return result;
    }

    /** Authorization by token or Amazon Order Reference; a KO throws (a decline carries the result). */
    public AxerveResult callPagamS2S(PagamRequest request) {
        return s2s(pagam, new CallPagamS2S(config.shopLogin(), request, config.apikey()));
    }

    /** Status of one transaction, by either id (at least one non-null). */
    public AxerveResult callReadTrxS2S(String shopTransactionId, String bankTransactionId) {
        if (isBlank(shopTransactionId) && isBlank(bankTransactionId)) {
            throw new IllegalArgumentException("shopTransactionId or bankTransactionId is required");
        }
        return s2s(readTrx,
                new CallReadTrxS2S(config.shopLogin(), shopTransactionId, bankTransactionId, config.apikey()));
    }

    public AxerveResult callRefundS2S(RefundRequest request) {
        return s2s(refund, new CallRefundS2S(config.shopLogin(), request, config.apikey()));
    }

    public AxerveResult callSettleS2S(SettleRequest request) {
        return s2s(settle, new CallSettleS2S(config.shopLogin(), request, config.apikey()));
    }

    public AxerveResult callDeleteS2S(DeleteRequest request) {
        return s2s(delete, new CallDeleteS2S(config.shopLogin(), request, config.apikey()));
    }

    /** Disables a token (also cancels an Amazon Pay / PayPal billing agreement behind it). */
    public AxerveResult callDeleteTokenS2S(String token) {
        Require.nonBlank("token", token);
        return s2s(deleteToken, new CallDeleteTokenS2S(token, config.shopLogin(), config.apikey()));
    }

    /** {@code <page>/pagam/pagam.aspx?a=<shopLogin>&b=<CryptDecryptString>}, both URL-encoded. */
    public URI paymentPageUrl(String cryptDecryptString) {
        Require.nonBlank("cryptDecryptString", cryptDecryptString);
        return URI.create(config.environment().paymentPage() + "?a=" + encode(config.shopLogin()) + "&b="
                + encode(cryptDecryptString));
    }

    private AxerveResult s2s(Operation op, Object request) {
        AxerveResult result = outcomeOf(op.name(), call(op, request));
        if (result.outcome() == TransactionOutcome.KO) {
            throw ErrorCodeTable.toException(op.name(), result);
        }
        return result;
    }

    private static AxerveResult outcomeOf(String op, Element payload) {
        AxerveResult result = PayloadParser.parse(payload);
        if (result.outcome() == null) {
            throw new AxerveTransportException(op, Reason.MALFORMED_RESPONSE, 200,
                    "payload without a TransactionResult OK/KO/XX", null);
        }
        return result;
    }

    private static Element call(Operation op, Object request) {
        Object response;
        try {
            response = op.dispatch().invoke(request);
        } catch (RuntimeException e) {
            throw TransportErrors.classify(op.name(), e);
        }
        Element payload = op.responseType().isInstance(response) && ((ResultWrapper) response).result() != null
                ? ((ResultWrapper) response).result().firstElement() : null;
        if (payload == null) {
            throw new AxerveTransportException(op.name(), Reason.MALFORMED_RESPONSE, 200,
                    "no " + op.name() + "Result payload", null);
        }
        return payload;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
