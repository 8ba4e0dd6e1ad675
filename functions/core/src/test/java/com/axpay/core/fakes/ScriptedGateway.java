package com.axpay.core.fakes;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.RecurringGateway;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A gateway that answers from a script, per operation and shopTransactionId, in order: an outcome, or a failure to
 * throw. An unscripted call fails the test. Every call is recorded, so a test can assert what was (not) sent.
 */
public final class ScriptedGateway implements PaymentGateway, RecurringGateway {

    public enum Op { CHARGE, PAY_WITH_ORDER_REFERENCE, QUERY, DECRYPT, DELETE_TOKEN, START }

    public record Call(Op op, String key) {
    }

    private final Map<Call, Deque<Supplier<GatewayOutcome>>> script = new HashMap<>();
    private final List<Call> calls = new ArrayList<>();

    /** The next answer to {@code op} for {@code key} (a shopTransactionId, or the encrypted string for Decrypt). */
    public synchronized ScriptedGateway answer(Op op, String key, GatewayOutcome outcome) {
        script.computeIfAbsent(new Call(op, key), k -> new ArrayDeque<>()).add(() -> outcome);
        return this;
    }

    /** The next call of {@code op} for {@code key} fails this way. */
    public synchronized ScriptedGateway fail(Op op, String key, GatewayException failure) {
        script.computeIfAbsent(new Call(op, key), k -> new ArrayDeque<>()).add(() -> {
            throw failure;
        });
        return this;
    }

    /** Calls made so far, in order. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    public synchronized long count(Op op, String key) {
        return calls.stream().filter(c -> c.equals(new Call(op, key))).count();
    }

    private GatewayOutcome next(Op op, String key) {
        Supplier<GatewayOutcome> answer;
        synchronized (this) {
            calls.add(new Call(op, key));
            Deque<Supplier<GatewayOutcome>> q = script.get(new Call(op, key));
            if (q == null || q.isEmpty()) {
                throw new AssertionError("unscripted gateway call " + op + " " + key);
            }
            answer = q.poll();
        }
        return answer.get();
    }

    @Override
    public GatewayOutcome chargeToken(String shopTransactionId, BigDecimal amount, String currency, String token) {
        return next(Op.CHARGE, shopTransactionId);
    }

    @Override
    public GatewayOutcome payWithOrderReference(String shopTransactionId, BigDecimal amount, String currency,
                                                String amazonOrderReferenceId) {
        return next(Op.PAY_WITH_ORDER_REFERENCE, shopTransactionId);
    }

    @Override
    public GatewayOutcome queryTransaction(String shopTransactionId) {
        return next(Op.QUERY, shopTransactionId);
    }

    @Override
    public GatewayOutcome decrypt(String shopLogin, String encryptedString) {
        return next(Op.DECRYPT, encryptedString);
    }

    @Override
    public void deleteToken(String token) {
        next(Op.DELETE_TOKEN, token);
    }

    @Override
    public HostedPayment startHostedPayment(HostedPaymentRequest request) {
        next(Op.START, request.shopTransactionId());
        return new HostedPayment("crypt-" + request.shopTransactionId(), "https://pay.example.test/"
                + request.shopTransactionId());
    }

    /** Failures as the adapter reports them, with no gateway code (core never needs one to decide). */
    public static GatewayException failure(GatewayException.Kind kind, boolean outcomeUnknown) {
        return new GatewayException(kind, null, outcomeUnknown, kind + " (scripted)");
    }
}
