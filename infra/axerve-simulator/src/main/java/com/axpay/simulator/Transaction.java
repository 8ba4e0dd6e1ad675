package com.axpay.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One payment at Axerve. Created by Encrypt (waiting for the buyer) or by callPagamS2S; all mutation goes through
 * synchronized methods so concurrent page hits, S2S calls and timers see consistent state.
 */
final class Transaction {
    enum Origin { PAGE, TOKEN, ORDER_REFERENCE }

    enum Status { AWAITING_BUYER, PROCESSING, DONE }

    final String shopLogin;
    final String shopTransactionId;
    final Origin origin;
    final Instant created;
    private PaymentRequest request;
    private Status status;
    private String bankTransactionId;
    private Scenario scenario;
    private Scenario lastOutcome;
    private Scenario.Result result;
    private int errorCode;
    private String errorDescription;
    private String authorizationCode;
    private String state;
    private final List<TransactionEvent> events = new ArrayList<>();
    private BigDecimal captured = BigDecimal.ZERO;
    private BigDecimal refunded = BigDecimal.ZERO;
    private boolean settled;
    private String token;
    private String tokenExpiryMonth;
    private String tokenExpiryYear;
    private String amazonOrderReferenceId;
    private String orderReferenceState;
    private Address shipping;
    private String amazonBuyerEmail;

    Transaction(String shopLogin, String shopTransactionId, Origin origin, PaymentRequest request, Status status) {
        this.shopLogin = shopLogin;
        this.shopTransactionId = shopTransactionId;
        this.origin = origin;
        this.request = request;
        this.status = status;
        this.created = Instant.now();
    }

    synchronized PaymentRequest request() { return request; }

    synchronized Status status() { return status; }

    synchronized boolean hasResult() { return status == Status.DONE; }

    /** Re-encrypting before the buyer paid replaces the parameters (our client retries Encrypt after a timeout). */
    synchronized boolean replaceRequestIfAwaiting(PaymentRequest newRequest) {
        if (status != Status.AWAITING_BUYER) return false;
        this.request = newRequest;
        return true;
    }

    /** Claims the transaction for completion; only one page hit wins. */
    synchronized boolean claim() {
        if (status != Status.AWAITING_BUYER) return false;
        status = Status.PROCESSING;
        return true;
    }

    synchronized void start(String bankTransactionId, Scenario scenario, String amazonOrderReferenceId, Address shipping,
                            String amazonBuyerEmail) {
        this.bankTransactionId = bankTransactionId;
        this.scenario = scenario;
        this.amazonOrderReferenceId = amazonOrderReferenceId;
        this.shipping = shipping;
        this.amazonBuyerEmail = amazonBuyerEmail;
    }

    synchronized void complete(Scenario outcome, String authorizationCode) {
        this.status = Status.DONE;
        this.result = outcome.result;
        this.errorCode = outcome.errorCode;
        this.errorDescription = outcome.errorDescription();
        this.authorizationCode = authorizationCode;
        this.orderReferenceState = outcome.orderReferenceState;
        this.lastOutcome = outcome;
    }

    synchronized void addEvent(TransactionEvent e, String newState) {
        events.add(e);
        if (newState != null) state = newState;
    }

    synchronized void issueToken(String value, String month, String year) {
        this.token = value;
        this.tokenExpiryMonth = month;
        this.tokenExpiryYear = year;
    }

    synchronized void capture(BigDecimal amount) {
        captured = captured.add(amount);
        settled = true;
    }

    synchronized void refund(BigDecimal amount) { refunded = refunded.add(amount); }

    synchronized void cancelOrderReference() { orderReferenceState = "Canceled"; }

    synchronized void closeOrderReference() { orderReferenceState = "Closed"; }

    synchronized String bankTransactionId() { return bankTransactionId; }
    synchronized Scenario.Result result() { return result; }
    synchronized int errorCode() { return errorCode; }
    synchronized String errorDescription() { return errorDescription; }
    synchronized String authorizationCode() { return authorizationCode; }
    synchronized String state() { return state; }
    synchronized List<TransactionEvent> events() { return List.copyOf(events); }
    synchronized BigDecimal captured() { return captured; }
    synchronized BigDecimal refunded() { return refunded; }
    synchronized boolean settled() { return settled; }
    synchronized String token() { return token; }
    synchronized String tokenExpiryMonth() { return tokenExpiryMonth; }
    synchronized String tokenExpiryYear() { return tokenExpiryYear; }
    synchronized String amazonOrderReferenceId() { return amazonOrderReferenceId; }
    synchronized String orderReferenceState() { return orderReferenceState; }
    synchronized Address shipping() { return shipping; }
    synchronized String amazonBuyerEmail() { return amazonBuyerEmail; }
    /** The outcome applied last: for pending scenarios the XX, then the final one. */
    synchronized Scenario lastOutcome() { return lastOutcome; }

    /** Amount the result reports: 0.00 for a token-only agreement, where nothing is charged. */
    synchronized String reportedAmount() {
        return request.onlyRecurring() ? "0.00" : request.amountText();
    }

    synchronized String customInfoString() {
        return request.customInfo().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("*P1*"));
    }

    synchronized ResultSnapshot snapshot() {
        String buyerName = request.buyerName();
        String buyerEmail = request.buyerEmail();
        return new ResultSnapshot(shopLogin, shopTransactionId, bankTransactionId, result == null ? "" : result.name(),
                errorCode, errorDescription, authorizationCode, request.uicCode(), reportedAmount(),
                buyerName == null ? "" : buyerName, buyerEmail == null ? "" : buyerEmail, customInfoString(), token,
                tokenExpiryMonth, tokenExpiryYear);
    }

    synchronized TransactionView view() {
        Map<String, String> info = Map.copyOf(request.customInfo());
        return new TransactionView(shopLogin, shopTransactionId, bankTransactionId, origin.name(), status.name(),
                result == null ? null : result.name(), result == null ? null : errorCode, state,
                request.uicCode(), request.amountText(), captured, refunded, List.copyOf(events), token,
                scenario == null ? null : scenario.id, amazonOrderReferenceId, orderReferenceState,
                lastOutcome == null ? null : lastOutcome.reasonCode, request.billingAgreement(), info, created);
    }
}
