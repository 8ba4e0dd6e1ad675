package com.axpay.soap;

import com.axpay.soap.AxerveTransportException.Reason;
import com.axpay.soap.transport.PrimingEndpoint;
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
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.soap.SOAPBinding;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The Axerve SOAP client: WSCryptDecrypt (Encrypt, Decrypt) and WSs2s. Build one per process and share it. Each
 * operation's Dispatch is created on its first call and then reused: configured once (endpoint, SOAPAction,
 * timeouts) before it is published and never changed afterwards, which is what makes Metro's Dispatch safe for
 * concurrent calls. Creating them lazily keeps a cold start to the operations it uses. No WSDL is read at run time.
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

    /** One service's port; its Service is created with the first Dispatch that needs it. */
    private static final class Port {
        private final QName service;
        private final QName port;
        private final String endpoint;
        private final Supplier<JAXBContext> jaxb;
        private Service created;

        Port(String ns, String service, String port, URI endpoint, Supplier<JAXBContext> jaxb) {
            this.service = new QName(ns, service);
            this.port = new QName(ns, port);
            this.endpoint = endpoint.toString();
            this.jaxb = jaxb;
        }

        synchronized Dispatch<Object> createDispatch(WebServiceFeature feature) {
            if (created == null) {
                Service s = Service.create(service);
                s.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, endpoint);
                created = s;
            }
            return created.createDispatch(port, jaxb.get(), Service.Mode.PAYLOAD, feature);
        }
    }

    /** One SOAP operation: its Dispatch (SOAPAction fixed at creation, made on first use) and its response type. */
    private final class Operation {
        private final Port port;
        private final String action;
        private final String name;
        private final Class<? extends ResultWrapper> responseType;
        private volatile Dispatch<Object> dispatch;

        Operation(Port port, String ns, String name, Class<? extends ResultWrapper> responseType) {
            this.port = port;
            this.action = ns + name;
            this.name = name;
            this.responseType = responseType;
        }

        String name() {
            return name;
        }

        Class<? extends ResultWrapper> responseType() {
            return responseType;
        }

        Dispatch<Object> dispatch() {
            Dispatch<Object> d = dispatch;
            if (d == null) {
                synchronized (this) {
                    d = dispatch;
                    if (d == null) {
                        d = port.createDispatch(new ResponseLimitFeature(config.maxResponseBytes()));
                        Map<String, Object> rc = d.getRequestContext();
                        rc.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
                        rc.put(BindingProvider.SOAPACTION_URI_PROPERTY, action);
                        rc.put(JAXWSProperties.CONNECT_TIMEOUT, (int) config.connectTimeout().toMillis());
                        rc.put(JAXWSProperties.REQUEST_TIMEOUT, (int) config.readTimeout().toMillis());
                        dispatch = d;
                    }
                }
            }
            return d;
        }
    }

    private AxerveClient(AxerveConfig config) {
        this.config = config;
        Port crypt = new Port(CRYPT_NS, "WSCryptDecrypt", "WSCryptDecryptSoap",
                config.environment().cryptDecryptEndpoint(), WireContext::crypt);
        Port s2s = new Port(S2S_NS, "WSs2s", "WSs2sSoap", config.environment().s2sEndpoint(), WireContext::s2s);
        encrypt = new Operation(crypt, CRYPT_NS, "Encrypt", EncryptResponse.class);
        decrypt = new Operation(crypt, CRYPT_NS, "Decrypt", DecryptResponse.class);
        pagam = new Operation(s2s, S2S_NS, "callPagamS2S", CallPagamS2SResponse.class);
        readTrx = new Operation(s2s, S2S_NS, "callReadTrxS2S", CallReadTrxS2SResponse.class);
        refund = new Operation(s2s, S2S_NS, "callRefundS2S", CallRefundS2SResponse.class);
        settle = new Operation(s2s, S2S_NS, "callSettleS2S", CallSettleS2SResponse.class);
        delete = new Operation(s2s, S2S_NS, "callDeleteS2S", CallDeleteS2SResponse.class);
        deleteToken = new Operation(s2s, S2S_NS, "callDeleteTokenS2S", CallDeleteTokenS2SResponse.class);
    }

    /**
     * Builds the client. Cheap: the JAXB context, Service and Dispatch of an operation are created on its first
     * call (then cached). Thread-safe; build once per process.
     */
    public static AxerveClient create(AxerveConfig config) {
        return new AxerveClient(config);
    }

    /**
     * Builds every operation's JAXB context, Service and Dispatch now instead of on first use, then runs Encrypt,
     * Decrypt, callReadTrxS2S and callPagamS2S through the whole client path against an endpoint answered inside the
     * JVM (nothing is sent to Axerve or anywhere): for a SnapStart checkpoint (the work lands in the snapshot) or an
     * init phase that runs at full CPU. Idempotent and thread-safe.
     */
    public Primed prime() {
        for (Operation op : List.of(encrypt, decrypt, pagam, readTrx, refund, settle, delete, deleteToken)) {
            op.dispatch();
        }
        // The first real request's path, end to end but inside the JVM: a client of the same settings whose
        // endpoint is the priming transport marshals real requests through Metro and JAXB and parses canned
        // Axerve-shaped answers. Its apikey is a placeholder: priming never reads the real secret.
        AxerveClient local = new AxerveClient(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(PrimingEndpoint.baseUrl()))
                .shopLogin(config.shopLogin())
                .apikey("priming")
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .maxResponseBytes(config.maxResponseBytes())
                .build());
        EncryptResult encrypted = local.encrypt(EncryptRequest.builder().uicCode("242").amount("1.00")
                .shopTransactionId("priming-1").buyerName("Priming").buyerEmail("priming@example.invalid")
                .languageId(1).customInfo(java.util.Map.of("ORDER", "priming")).paymentType("AMAZONPAY").build());
        AxerveResult decrypted = local.decrypt(encrypted.cryptDecryptString());
        AxerveResult read = local.callReadTrxS2S("priming-1", null);
        AxerveResult paid = local.callPagamS2S(PagamRequest.builder().uicCode("242").amount("1.00")
                .shopTransactionId("priming-1").tokenValue("priming-token").recurrent(true).build());
        return new Primed(List.of(encrypted.cryptDecryptString(), decrypted.shopTransactionId(),
                read.transactionState(), paid.outcome().name()));
    }

    /**
     * What {@link #prime()} did: the values parsed from the canned answers of Encrypt, Decrypt, callReadTrxS2S and
     * callPagamS2S (each proves a request was marshalled and an answer parsed).
     */
    public record Primed(List<String> parsed) {
    }

    public AxerveConfig config() {
        return config;
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
        Dispatch<Object> dispatch = op.dispatch(); // outside the try: a failure here is a bug, not a transport error
        Object response;
        try {
            response = dispatch.invoke(request);
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
