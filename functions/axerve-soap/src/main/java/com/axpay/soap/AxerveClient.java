package com.axpay.soap;

import com.axpay.soap.AxerveTransportException.Reason;
import com.axpay.soap.transport.LoopbackEndpoint;
import com.axpay.soap.transport.PrimingEndpoint;
import com.axpay.soap.transport.ResponseLimitFeature;
import com.axpay.soap.wire.Params;
import com.sun.xml.ws.developer.JAXWSProperties;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceFeature;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.EnumMap;
import java.util.HashMap;
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
    static final String CRYPT_NS = AxerveOperation.Service.CRYPT.ns;
    static final String S2S_NS = AxerveOperation.Service.S2S.ns;

    private final AxerveConfig config;
    private final Map<AxerveOperation, LazyDispatch> operations = new EnumMap<>(AxerveOperation.class);

    /** One service's port; its Service is created with the first Dispatch that needs it. */
    private static final class Port {
        private final AxerveOperation.Service service;
        private final QName name;
        private final QName port;
        private final String endpoint;
        private Service created;

        Port(AxerveOperation.Service service, String name, URI endpoint) {
            this.service = service;
            this.name = new QName(service.ns, name);
            this.port = new QName(service.ns, name + "Soap");
            this.endpoint = endpoint.toString();
        }

        synchronized Dispatch<Object> createDispatch(WebServiceFeature feature) {
            if (created == null) {
                Service s = Service.create(name);
                s.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, endpoint);
                created = s;
            }
            return created.createDispatch(port, WireContext.of(service), Service.Mode.PAYLOAD, feature);
        }
    }

    /** One SOAP operation: its Dispatch (SOAPAction fixed at creation, made on first use). */
    private final class LazyDispatch {
        private final Port port;
        private final AxerveOperation op;
        private volatile Dispatch<Object> dispatch;

        LazyDispatch(Port port, AxerveOperation op) {
            this.port = port;
            this.op = op;
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
                        rc.put(BindingProvider.SOAPACTION_URI_PROPERTY, op.action());
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
        Port crypt = new Port(AxerveOperation.Service.CRYPT, "WSCryptDecrypt",
                config.environment().cryptDecryptEndpoint());
        Port s2s = new Port(AxerveOperation.Service.S2S, "WSs2s", config.environment().s2sEndpoint());
        for (AxerveOperation op : AxerveOperation.values()) {
            operations.put(op, new LazyDispatch(op.service == AxerveOperation.Service.CRYPT ? crypt : s2s, op));
        }
    }

    /**
     * Builds the client. Cheap: the JAXB context, Service and Dispatch of an operation are created on its first
     * call (then cached). Thread-safe; build once per process.
     */
    public static AxerveClient create(AxerveConfig config) {
        return new AxerveClient(config);
    }

    /**
     * Builds every operation's JAXB context, Service and Dispatch now instead of on first use, then runs each of the
     * eight operations through the whole client path against an endpoint answered on the
     * loopback interface (nothing is sent to Axerve or off the machine): for a SnapStart checkpoint (the work lands
     * in the snapshot) or an init phase that runs at full CPU. Idempotent and thread-safe.
     */
    public Primed prime() {
        operations.values().forEach(LazyDispatch::dispatch);
        // The first real request's path, end to end but inside the machine: a client of the same settings whose
        // endpoint answers on the loopback interface (or, where no port can be bound, inside the transport) marshals
        // real requests through Metro, JAXB and the JDK's HTTP client and parses canned Axerve-shaped answers. Its
        // apikey is a placeholder: priming never reads the real secret.
        LoopbackEndpoint loopback = null;
        try {
            loopback = LoopbackEndpoint.start();
        } catch (IOException | RuntimeException e) {
            // the in-transport endpoint still primes everything above the socket
        }
        try {
            return primeAgainst(loopback == null ? PrimingEndpoint.baseUrl() : loopback.baseUrl());
        } finally {
            if (loopback != null) {
                loopback.close();
            }
        }
    }

    private Primed primeAgainst(URI endpoint) {
        AxerveClient local = new AxerveClient(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(endpoint))
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
        // the other four operations' own request shapes and answers (capture, void, refund, token deletion)
        AxerveResult settled = local.callSettleS2S(SettleRequest.builder().uicCode("242").amount("1.00")
                .shopTransactionId("priming-1").bankTransactionId("1").build());
        AxerveResult deleted = local.callDeleteS2S(DeleteRequest.builder().shopTransactionId("priming-1")
                .bankTransactionId("1").cancelReason("priming").build());
        AxerveResult refunded = local.callRefundS2S(RefundRequest.builder().uicCode("242").amount("1.00")
                .shopTransactionId("priming-1").bankTransactionId("1").refundReason("priming").build());
        AxerveResult tokenDeleted = local.callDeleteTokenS2S("priming-token");
        return new Primed(List.of(encrypted.cryptDecryptString(), decrypted.shopTransactionId(),
                read.transactionState(), paid.outcome().name(), settled.outcome().name(), deleted.outcome().name(),
                refunded.outcome().name(), tokenDeleted.outcome().name()));
    }

    /**
     * What {@link #prime()} did: the values parsed from the canned answers of Encrypt, Decrypt, callReadTrxS2S,
     * callPagamS2S, callSettleS2S, callDeleteS2S, callRefundS2S and callDeleteTokenS2S, in that order (each proves a
     * request was marshalled and an answer parsed).
     */
    public record Primed(List<String> parsed) {
    }

    public AxerveConfig config() {
        return config;
    }

    /** Encrypt: returns the CryptDecryptString for {@link #paymentPageUrl(String)}; a KO throws. */
    public EncryptResult encrypt(EncryptRequest request) {
        Element payload = call(request.operation(), request.values());
        AxerveResult result = outcomeOf("Encrypt", payload);
        if (result.outcome() != TransactionOutcome.OK) {
            throw ErrorCodeTable.toException("Encrypt", result);
        }
        String crypted = PayloadParser.cryptDecryptString(payload);
        if (crypted == null) {
            throw new AxerveTransportException("Encrypt", Reason.MALFORMED_RESPONSE, 200,
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
        AxerveResult result = outcomeOf("Decrypt",
                call(AxerveOperation.DECRYPT, params("cryptedString", cryptedString)));
        if (result.outcome() == TransactionOutcome.KO && !result.namesTransaction()) {
            throw ErrorCodeTable.toException("Decrypt", result);
        }
        return result;
    }

    /** Authorization by token or Amazon Order Reference; a KO throws (a decline carries the result). */
    public AxerveResult callPagamS2S(PagamRequest request) {
        return s2s(request);
    }

    /** Status of one transaction, by either id (at least one non-null). */
    public AxerveResult callReadTrxS2S(String shopTransactionId, String bankTransactionId) {
        return s2s(AxerveOperation.READ_TRX,
                params("shopTransactionId", shopTransactionId, "bankTransactionId", bankTransactionId));
    }

    public AxerveResult callRefundS2S(RefundRequest request) {
        return s2s(request);
    }

    public AxerveResult callSettleS2S(SettleRequest request) {
        return s2s(request);
    }

    public AxerveResult callDeleteS2S(DeleteRequest request) {
        return s2s(request);
    }

    /** Disables a token (also cancels an Amazon Pay / PayPal billing agreement behind it). */
    public AxerveResult callDeleteTokenS2S(String token) {
        return s2s(AxerveOperation.DELETE_TOKEN, params("tokenValue", token));
    }

    /** {@code <page>/pagam/pagam.aspx?a=<shopLogin>&b=<CryptDecryptString>}, both URL-encoded. */
    public URI paymentPageUrl(String cryptDecryptString) {
        Require.nonBlank("cryptDecryptString", cryptDecryptString);
        return URI.create(config.environment().paymentPage() + "?a=" + encode(config.shopLogin()) + "&b="
                + encode(cryptDecryptString));
    }

    private AxerveResult s2s(AxerveRequest request) {
        return s2s(request.operation(), request.values());
    }

    private AxerveResult s2s(AxerveOperation op, Map<String, Object> values) {
        AxerveResult result = outcomeOf(op.opName, call(op, values));
        if (result.outcome() == TransactionOutcome.KO) {
            throw ErrorCodeTable.toException(op.opName, result);
        }
        return result;
    }

    /** The parameters of a call without a request class, checked against its operation; null values are unset. */
    private static Map<String, Object> params(String... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                values.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return values;
    }

    private static AxerveResult outcomeOf(String op, Element payload) {
        AxerveResult result = PayloadParser.parse(payload);
        if (result.outcome() == null) {
            throw new AxerveTransportException(op, Reason.MALFORMED_RESPONSE, 200,
                    "payload without a TransactionResult OK/KO/XX", null);
        }
        return result;
    }

    private Element call(AxerveOperation op, Map<String, Object> values) {
        op.validate(values);
        JAXBElement<Params> request = op.request(values, config.shopLogin(), config.apikey());
        // outside the try: a failure here is a bug, not a transport error
        Dispatch<Object> dispatch = operations.get(op).dispatch();
        Object response;
        try {
            response = dispatch.invoke(request);
        } catch (RuntimeException e) {
            throw TransportErrors.classify(op.opName, e);
        }
        Element result = response instanceof JAXBElement<?> e && op.responseName().equals(e.getName())
                && e.getValue() instanceof Params p ? p.child(op.service.ns, op.opName + "Result") : null;
        Element payload = result == null ? null : PayloadParser.firstChild(result);
        if (payload == null) {
            throw new AxerveTransportException(op.opName, Reason.MALFORMED_RESPONSE, 200,
                    "no " + op.opName + "Result payload", null);
        }
        return payload;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
