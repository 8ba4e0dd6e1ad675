package com.axpay.soap;

import com.axpay.soap.wire.Params;
import jakarta.xml.bind.JAXBElement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Every Axerve operation the client calls, each described once: its service, its name (element, SOAPAction,
 * {@code <name>Response}/{@code <name>Result}) and its parameters in Axerve's WSDL order (PROTOCOL.md §1.2, §2).
 * A parameter is {@code wire=key} when Axerve's element name differs from the builder's name, ends in {@code !} when
 * required, and is {@code wrapper/item} for a list. {@code shopLogin} and {@code apikey} come from the client's
 * configuration. Unset parameters are not sent.
 */
enum AxerveOperation {
    ENCRYPT(Service.CRYPT, "Encrypt", "shopLogin uicCode! amount! shopTransactionId! buyerName buyerEmail languageId "
            + "customInfo requestToken paymentTypes/paymentType amazonPayBillingAgreementDescription apikey"),
    /** Note the capital C of {@code CryptedString}. */
    DECRYPT(Service.CRYPT, "Decrypt", "shopLogin CryptedString=cryptedString! apikey"),
    /** Token (recurring) or Amazon Order Reference ({@code transKey}) payments; card data is deliberately absent. */
    PAGAM(Service.S2S, "callPagamS2S", "shopLogin uicCode! amount! shopTransactionId! buyerName buyerEmail "
            + "languageId transKey customInfo tokenValue clientIP recurrent paymentTypes/paymentType apikey"),
    READ_TRX(Service.S2S, "callReadTrxS2S", "shopLogin shopTransactionId bankTransactionId apikey", true),
    /** Note {@code RefundReason} with a capital R; {@code chargeBackFraud} is Y/N. */
    REFUND(Service.S2S, "callRefundS2S", "shopLogin uicCode! amount! shopTransactionId! bankTransactionId! "
            + "RefundReason=refundReason chargeBackFraud apikey"),
    /** Axerve's own id names for this one operation: a mis-cased {@code bankTransId} is ignored (KO 2016, §2.6). */
    SETTLE(Service.S2S, "callSettleS2S", "shopLogin uicCode! amount! shopTransID=shopTransactionId "
            + "bankTransID=bankTransactionId apikey", true),
    /** Note {@code CancelReason} with a capital C. */
    DELETE(Service.S2S, "callDeleteS2S", "shopLogin shopTransactionId bankTransactionId CancelReason=cancelReason "
            + "apikey", true),
    /** {@code tokenValue} comes first here. */
    DELETE_TOKEN(Service.S2S, "callDeleteTokenS2S", "tokenValue! shopLogin apikey");

    /** The two SOAP services, by namespace. */
    enum Service {
        CRYPT("https://ecomm.sella.it/"), S2S("https://ecomms2s.sella.it/");

        final String ns;

        Service(String ns) {
            this.ns = ns;
        }
    }

    /** One parameter: its element name on the wire, the builder's name, and the element of each list item. */
    private record Param(String wire, String key, boolean required, String item) {
        static Param parse(String token) {
            boolean required = token.endsWith("!");
            String t = required ? token.substring(0, token.length() - 1) : token;
            int slash = t.indexOf('/');
            String item = slash < 0 ? null : t.substring(slash + 1);
            t = slash < 0 ? t : t.substring(0, slash);
            int eq = t.indexOf('=');
            return new Param(eq < 0 ? t : t.substring(0, eq), eq < 0 ? t : t.substring(eq + 1), required, item);
        }
    }

    final Service service;
    final String opName;
    private final List<Param> params;
    /** The operation needs shopTransactionId or bankTransactionId, at least one. */
    private final boolean eitherId;

    AxerveOperation(Service service, String name, String params) {
        this(service, name, params, false);
    }

    AxerveOperation(Service service, String name, String params, boolean eitherId) {
        this.service = service;
        this.opName = name;
        this.params = Arrays.stream(params.split(" ")).map(Param::parse).toList();
        this.eitherId = eitherId;
    }

    String action() {
        return service.ns + opName;
    }

    QName responseName() {
        return new QName(service.ns, opName + "Response");
    }

    /** Throws IllegalArgumentException when a required parameter is missing or a value is not one Axerve takes. */
    void validate(Map<String, Object> values) {
        for (Param p : params) {
            Object v = values.get(p.key());
            if (p.required() && (v == null || v instanceof String s && s.isBlank())) {
                throw new IllegalArgumentException(p.key() + " is required");
            }
            if (v instanceof String s) {
                Require.valid(p.key(), s);
            }
        }
        if (eitherId && blank(values.get("shopTransactionId")) && blank(values.get("bankTransactionId"))) {
            throw new IllegalArgumentException("shopTransactionId or bankTransactionId is required");
        }
    }

    /** The request element: every set parameter, in Axerve's order, in the service's namespace. */
    JAXBElement<Params> request(Map<String, Object> values, String shopLogin, String apikey) {
        List<Object> children = new ArrayList<>();
        for (Param p : params) {
            Object v = switch (p.key()) {
                case "shopLogin" -> shopLogin;
                case "apikey" -> apikey;
                default -> values.get(p.key());
            };
            if (v instanceof List<?> items) {
                if (!items.isEmpty()) {
                    children.add(element(p.wire(), new Params(items.stream().map(i -> element(p.item(), i)).toList())));
                }
            } else if (v != null) {
                children.add(element(p.wire(), v));
            }
        }
        return element(opName, new Params(children));
    }

    private <T> JAXBElement<T> element(String name, T value) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) value.getClass();
        return new JAXBElement<>(new QName(service.ns, name), type, value);
    }

    private static boolean blank(Object v) {
        return v == null || v instanceof String s && s.isBlank();
    }
}
