package com.axpay.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** WSs2s: server-to-server payment, status query, capture, refund, void and token operations. */
final class S2sService implements SoapService {
    static final String NS = "https://ecomms2s.sella.it/";
    private static final Pattern ORDER_REFERENCE = Pattern.compile("[SPC]\\d{2}-\\d{7}-\\d{7}");
    private final SimulatorState state;
    private final PaymentEngine engine;

    S2sService(SimulatorState state, PaymentEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    @Override public String namespace() { return NS; }
    @Override public String payloadName() { return Payloads.S2S; }
    @Override public String wsdlResource() { return "WSs2s.wsdl"; }

    @Override
    public Set<String> operations() {
        return Set.of("callPagamS2S", "callReadTrxS2S", "callRefundS2S", "callSettleS2S", "callDeleteS2S",
                "callDeleteTokenS2S");
    }

    @Override
    public XmlNode invoke(SoapRequest req, String callerIp) {
        return switch (req.operation) {
            case "callPagamS2S" -> pagam(req, callerIp);
            case "callReadTrxS2S" -> readTrx(req, callerIp);
            case "callRefundS2S" -> refund(req, callerIp);
            case "callSettleS2S" -> settle(req, callerIp);
            case "callDeleteS2S" -> delete(req, callerIp);
            default -> deleteToken(req, callerIp);
        };
    }

    private XmlNode pagam(SoapRequest req, String callerIp) {
        String id = req.param("shopTransactionId");
        try {
            String shopLogin = req.param("shopLogin");
            MerchantProfile m = RequestChecks.authenticate(state, shopLogin, req.param("apikey"), callerIp);
            RequestChecks.mandatory(req, "uicCode", "amount", "shopTransactionId");
            RequestChecks.shopTransactionId(id);
            PaymentRequest p = RequestChecks.payment(req, m);
            if (!p.paymentTypes().isEmpty() && !p.amazonPay()) throw new AxerveError(ErrorCatalog.WRONG_PAYMENT_TYPE);
            // every token here is an Amazon Pay billing agreement, so a token charge is an Amazon Pay payment too
            boolean tokenCharge = !RequestChecks.blank(req.param("tokenValue"));
            if (p.amazonPay() || tokenCharge) RequestChecks.amazonShopTransactionId(id);
            String tokenValue = req.param("tokenValue");
            String transKey = req.param("transKey");
            Token token = null;
            AmazonOrderReference widget = null;
            Transaction.Origin origin;
            if (!RequestChecks.blank(tokenValue)) {
                token = state.tokens.get(tokenValue);
                if (token == null || !token.active() || !token.shopLogin.equals(shopLogin)) {
                    throw new AxerveError(ErrorCatalog.TOKEN_NOT_FOUND);
                }
                origin = Transaction.Origin.TOKEN;
            } else if (!RequestChecks.blank(transKey)) {
                if (!p.amazonPay()) throw new AxerveError(ErrorCatalog.WRONG_PAYMENT_TYPE);
                if (!ORDER_REFERENCE.matcher(transKey).matches()) throw new AxerveError(ErrorCatalog.INVALID_VALUE);
                widget = state.widgetReferences.get(transKey);
                origin = Transaction.Origin.ORDER_REFERENCE;
            } else {
                throw new AxerveError(p.amazonPay() ? ErrorCatalog.MISSING_TRANSKEY : ErrorCatalog.WRONG_PAYMENT_TYPE);
            }
            // a charge never issues a new token: the agreement description only matters on the payment page
            PaymentRequest charge = new PaymentRequest(p.uicCode(), p.amountText(), p.amount(), p.buyerName(),
                    p.buyerEmail(), p.languageId(), p.customInfo(), p.paymentTypes(), null);
            AmazonOrderReference finalWidget = widget;
            Transaction.Origin finalOrigin = origin;
            Transaction tx = state.atomically(() -> {
                if (state.byShopTransactionId(shopLogin, id).stream()
                        .anyMatch(t -> t.status() != Transaction.Status.AWAITING_BUYER)) {
                    throw new AxerveError(ErrorCatalog.ALREADY_PROCESSED_S2S);
                }
                // an id Amazon never issued (no widget created it, the admin API did not register it); checked after
                // Axerve's own record of the shopTransactionId, since only Amazon can tell about the reference
                if (finalOrigin == Transaction.Origin.ORDER_REFERENCE && finalWidget == null
                        && !state.orderReferences.containsKey(transKey)) {
                    throw new AxerveError(ErrorCatalog.UNKNOWN_TRANSKEY);
                }
                Transaction created = new Transaction(shopLogin, id, finalOrigin, charge, Transaction.Status.PROCESSING);
                state.add(created);
                return created;
            });
            if (token != null) {
                engine.completeServerToServer(tx, m, token.takeMode().scenario, state.newAmazonId("S02"));
                if (tx.result() == Scenario.Result.OK) token.recordSuccessfulCharge();
            } else if (widget != null) {
                engine.completeWidget(tx, m, widget);
            } else {
                engine.completeServerToServer(tx, m, state.orderReferences.get(transKey), transKey);
            }
            return Payloads.pagam(tx);
        } catch (AxerveError e) {
            return Payloads.pagamRefusal(req, e.code());
        }
    }

    private XmlNode readTrx(SoapRequest req, String callerIp) {
        String shopTx = req.param("shopTransactionId");
        String bankTx = req.param("bankTransactionId");
        try {
            RequestChecks.authenticate(state, req.param("shopLogin"), req.param("apikey"), callerIp);
            return Payloads.readTrx(locate(req.param("shopLogin"), shopTx, bankTx));
        } catch (AxerveError e) {
            return Payloads.s2sKo("QUERYTX", shopTx, bankTx, e.code());
        }
    }

    private XmlNode settle(SoapRequest req, String callerIp) {
        String shopTx = req.param("shopTransID");
        String bankTx = req.param("bankTransID");
        try {
            RequestChecks.authenticate(state, req.param("shopLogin"), req.param("apikey"), callerIp);
            Transaction tx = locate(req.param("shopLogin"), shopTx, bankTx);
            checkCurrency(req, tx);
            String amountText = req.param("amount");
            BigDecimal amount = RequestChecks.blank(amountText) ? tx.request().amount() : RequestChecks.amount(amountText);
            synchronized (tx) {
                if (!"AUT".equals(tx.state()) || tx.settled()) throw new AxerveError(ErrorCatalog.NOT_SETTLEABLE);
                if (amount.compareTo(tx.request().amount()) > 0) throw new AxerveError(ErrorCatalog.SETTLE_OVER_AUTH);
                tx.capture(amount);
                tx.addEvent(new TransactionEvent("MOV", amount, Instant.now(), state.nextEventId()), "MOV");
            }
            return Payloads.s2sOk("Settle", tx);
        } catch (AxerveError e) {
            return Payloads.s2sKo("Settle", shopTx, bankTx, e.code());
        }
    }

    private XmlNode refund(SoapRequest req, String callerIp) {
        String shopTx = req.param("shopTransactionId");
        String bankTx = req.param("bankTransactionId");
        try {
            RequestChecks.authenticate(state, req.param("shopLogin"), req.param("apikey"), callerIp);
            Transaction tx = locate(req.param("shopLogin"), shopTx, bankTx);
            RequestChecks.mandatory(req, "amount");
            checkCurrency(req, tx);
            BigDecimal amount = RequestChecks.amount(req.param("amount"));
            synchronized (tx) {
                if (!tx.settled() || "CAN".equals(tx.state())) throw new AxerveError(ErrorCatalog.NOT_REFUNDABLE);
                BigDecimal balance = tx.captured().subtract(tx.refunded());
                if (amount.compareTo(balance) > 0) throw new AxerveError(ErrorCatalog.REFUND_OVER_BALANCE);
                tx.refund(amount);
                boolean full = amount.compareTo(balance) == 0;
                Instant now = Instant.now();
                tx.addEvent(new TransactionEvent("REQ", amount, now, state.nextEventId()), null);
                tx.addEvent(new TransactionEvent("STO", amount, now, state.nextEventId()), full ? "STO" : null);
                if (full) tx.closeOrderReference();
            }
            return Payloads.s2sOk("Refund", tx);
        } catch (AxerveError e) {
            return Payloads.s2sKo("Refund", shopTx, bankTx, e.code());
        }
    }

    private XmlNode delete(SoapRequest req, String callerIp) {
        String shopTx = req.param("shopTransactionId");
        String bankTx = req.param("bankTransactionId");
        try {
            RequestChecks.authenticate(state, req.param("shopLogin"), req.param("apikey"), callerIp);
            Transaction tx = locate(req.param("shopLogin"), shopTx, bankTx);
            synchronized (tx) {
                if (!"AUT".equals(tx.state()) || tx.settled()) throw new AxerveError(ErrorCatalog.NOT_DELETABLE);
                tx.addEvent(new TransactionEvent("CAN", tx.request().amount(), Instant.now(), state.nextEventId()), "CAN");
                tx.cancelOrderReference();
            }
            return Payloads.s2sOk("Delete", tx);
        } catch (AxerveError e) {
            return Payloads.s2sKo("Delete", shopTx, bankTx, e.code());
        }
    }

    private XmlNode deleteToken(SoapRequest req, String callerIp) {
        try {
            String shopLogin = req.param("shopLogin");
            RequestChecks.authenticate(state, shopLogin, req.param("apikey"), callerIp);
            String value = req.param("tokenValue");
            if (RequestChecks.blank(value)) throw new AxerveError(ErrorCatalog.MANDATORY_MISSING);
            Token token = state.tokens.get(value);
            if (token == null || !token.active() || !token.shopLogin.equals(shopLogin)) {
                throw new AxerveError(ErrorCatalog.TOKEN_NOT_FOUND);
            }
            token.disable();
            return XmlNode.element(Payloads.S2S).add("TransactionType", "DisableToken").add("TransactionResult", "OK")
                    .add("ErrorCode", 0).add("ErrorDescription", ErrorCatalog.describe(0));
        } catch (AxerveError e) {
            return Payloads.shortKo(Payloads.S2S, "DisableToken", e.code());
        }
    }

    /**
     * Finds a transaction with a result by bank id (authoritative) or by shop id (must be unique). A payment whose
     * buyer never finished the page has no result yet and is reported as not found.
     */
    private Transaction locate(String shopLogin, String shopTx, String bankTx) throws AxerveError {
        if (RequestChecks.blank(shopTx) && RequestChecks.blank(bankTx)) throw new AxerveError(ErrorCatalog.IDS_MISSING);
        if (!RequestChecks.blank(bankTx)) {
            Transaction tx = state.byBankTransactionId(shopLogin, bankTx)
                    .orElseThrow(() -> new AxerveError(ErrorCatalog.NOT_FOUND));
            if (!tx.hasResult() || (!RequestChecks.blank(shopTx) && !shopTx.equals(tx.shopTransactionId))) {
                throw new AxerveError(ErrorCatalog.NOT_FOUND);
            }
            return tx;
        }
        List<Transaction> found = state.byShopTransactionId(shopLogin, shopTx).stream().filter(Transaction::hasResult)
                .toList();
        if (found.isEmpty()) throw new AxerveError(ErrorCatalog.NOT_FOUND);
        if (found.size() > 1) throw new AxerveError(ErrorCatalog.AMBIGUOUS);
        return found.get(0);
    }

    private static void checkCurrency(SoapRequest req, Transaction tx) throws AxerveError {
        String uic = req.param("uicCode");
        if (!RequestChecks.blank(uic) && !uic.equals(tx.request().uicCode())) {
            throw new AxerveError(ErrorCatalog.INVALID_CURRENCY);
        }
    }
}
