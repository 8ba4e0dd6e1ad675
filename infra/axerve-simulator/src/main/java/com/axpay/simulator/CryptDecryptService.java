package com.axpay.simulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** WSCryptDecrypt: Encrypt (start a payment-page payment) and Decrypt (read a result string). */
final class CryptDecryptService implements SoapService {
    static final String NS = "https://ecomm.sella.it/";
    private final SimulatorState state;

    CryptDecryptService(SimulatorState state) {
        this.state = state;
    }

    @Override public String namespace() { return NS; }
    @Override public String payloadName() { return Payloads.CRYPT; }
    @Override public Set<String> operations() { return Set.of("Encrypt", "Decrypt"); }
    @Override public String wsdlResource() { return "WSCryptDecrypt.wsdl"; }

    @Override
    public XmlNode invoke(SoapRequest req, String callerIp) {
        return "Encrypt".equals(req.operation) ? encrypt(req, callerIp) : decrypt(req, callerIp);
    }

    private XmlNode encrypt(SoapRequest req, String callerIp) {
        try {
            String shopLogin = req.param("shopLogin");
            MerchantProfile m = RequestChecks.authenticate(state, shopLogin, req.param("apikey"), callerIp);
            String id = req.param("shopTransactionId");
            RequestChecks.mandatory(req, "uicCode", "amount", "shopTransactionId");
            RequestChecks.shopTransactionId(id);
            PaymentRequest p = RequestChecks.payment(req, m);
            if (p.amazonPay()) RequestChecks.amazonShopTransactionId(id);
            Transaction tx = state.atomically(() -> {
                List<Transaction> same = state.byShopTransactionId(shopLogin, id);
                if (p.amazonPay() && same.stream().anyMatch(t -> t.status() != Transaction.Status.AWAITING_BUYER)) {
                    throw new AxerveError(ErrorCatalog.ALREADY_PROCESSED_ENCRYPT);
                }
                Optional<Transaction> waiting = same.stream().filter(t -> t.replaceRequestIfAwaiting(p)).findFirst();
                if (waiting.isPresent()) return waiting.get();
                Transaction created = new Transaction(shopLogin, id, Transaction.Origin.PAGE, p,
                        Transaction.Status.AWAITING_BUYER);
                state.add(created);
                return created;
            });
            return Payloads.encryptOk(state.crypt.issue(new CryptStrings.PaymentPage(shopLogin, tx)));
        } catch (AxerveError e) {
            return Payloads.shortKo(Payloads.CRYPT, "ENCRYPT", e.code());
        }
    }

    private XmlNode decrypt(SoapRequest req, String callerIp) {
        String shopLogin = req.param("shopLogin");
        if (RequestChecks.blank(shopLogin)) return Payloads.shortKo(Payloads.CRYPT, "DECRYPT", ErrorCatalog.SYSTEM_ERROR);
        try {
            RequestChecks.authenticate(state, shopLogin, req.param("apikey"), callerIp);
        } catch (AxerveError e) {
            return Payloads.shortKo(Payloads.CRYPT, "DECRYPT", e.code());
        }
        return state.crypt.find(req.param("CryptedString"))
                .filter(e -> e instanceof CryptStrings.Result && e.shopLogin().equals(shopLogin))
                .map(e -> Payloads.decrypt(((CryptStrings.Result) e).snapshot()))
                .orElseGet(() -> Payloads.shortKo(Payloads.CRYPT, "DECRYPT", ErrorCatalog.INVALID_PARAMETER_STRING));
    }
}
