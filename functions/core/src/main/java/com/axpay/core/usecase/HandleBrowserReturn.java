package com.axpay.core.usecase;

import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Payment;
import com.axpay.core.port.PaymentGateway;
import com.axpay.core.port.PaymentRepository;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The buyer's browser coming back on the positive or negative URL. Decrypt only identifies the payment: the browser
 * is never trusted, nothing is written, and the buyer is sent to the storefront with the state WE hold.
 */
public final class HandleBrowserReturn {

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final String shopLogin;

    public HandleBrowserReturn(PaymentRepository payments, PaymentGateway gateway, String shopLogin) {
        this.payments = Objects.requireNonNull(payments);
        this.gateway = Objects.requireNonNull(gateway);
        this.shopLogin = Objects.requireNonNull(shopLogin);
    }

    /**
     * @param payment        the payment we hold
     * @param redirectTarget the storefront return URL with {@code paymentId} and {@code state} appended
     * @param processing     no verdict stored yet: show "processing" and let a reconciliation run
     */
    public record Result(Payment payment, String redirectTarget, boolean processing) {
    }

    /** Empty when the result string is for another shop or an unknown transaction. */
    public Optional<Result> handle(String a, String b) {
        if (!shopLogin.equals(a)) {
            return Optional.empty();
        }
        GatewayOutcome outcome = gateway.decrypt(a, b);
        if (outcome.shopTransactionId() == null) {
            return Optional.empty();
        }
        return payments.findByShopTransactionId(outcome.shopTransactionId())
                .map(p -> new Result(p, redirectTarget(p), p.state().isOpen()));
    }

    static String redirectTarget(Payment p) {
        String sep = p.returnUrl().contains("?") ? "&" : "?";
        return p.returnUrl() + sep + "paymentId=" + URLEncoder.encode(p.paymentId(), StandardCharsets.UTF_8)
                + "&state=" + p.state().name();
    }
}
