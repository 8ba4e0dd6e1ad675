package com.axpay.gateway.axerve;

import com.axpay.core.domain.Buyer;
import com.axpay.core.agreement.DeclineClass;
import com.axpay.core.domain.DeclineReason;
import com.axpay.core.domain.GatewayOutcome;
import com.axpay.core.domain.Verdict;
import com.axpay.core.port.GatewayException;
import com.axpay.core.port.PaymentGateway.HostedPayment;
import com.axpay.core.port.PaymentGateway.HostedPaymentRequest;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adapter against the simulator over HTTP: wire values in core terms, every failure as core's kind. */
class AxervePaymentGatewayTest {

    private static AxerveSimulator sim;
    private static AxervePaymentGateway gateway;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
                .positiveUrl("https://shop.example.test/ok").negativeUrl("https://shop.example.test/ko"));
        gateway = new AxervePaymentGateway(AxerveClient.create(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(URI.create(sim.baseUrl())))
                .shopLogin(AxerveSimulator.DEFAULT_SHOP_LOGIN)
                .readTimeout(Duration.ofMillis(1500))
                .build()));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clearFaults() throws Exception {
        admin("DELETE", "/faults", null);
        merchant("");
    }

    private static String stx() {
        return "gw-" + UUID.randomUUID().toString().substring(0, 20);
    }

    private static HostedPaymentRequest request(String stx, String language) {
        return new HostedPaymentRequest(stx, new BigDecimal("12.50"), "EUR",
                new Buyer("Maria De Luca", "maria@example.test"), language, Map.of("STORE", "north"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"it", "en", "es", "fr", "de"})
    void encryptTakesEveryLanguageAndGivesThePaymentPage(String language) {
        HostedPayment page = gateway.startHostedPayment(request(stx(), language));

        assertTrue(page.redirectUrl().startsWith(sim.baseUrl() + "/pagam/pagam.aspx?a=GESPAY00001&b="));
        assertFalse(page.cryptString().isBlank());
    }

    @Test
    void aPaidTransactionReadsBackInCoreTerms() throws Exception {
        String stx = stx();
        HostedPayment page = gateway.startHostedPayment(request(stx, "it"));
        String b = pay(page.redirectUrl(), "success");

        GatewayOutcome decrypted = gateway.decrypt(AxerveSimulator.DEFAULT_SHOP_LOGIN, b);
        GatewayOutcome queried = gateway.queryTransaction(stx);

        assertEquals(Verdict.AUTHORIZED, decrypted.verdict(), "Decrypt does not say whether the money moved");
        assertEquals(stx, decrypted.shopTransactionId());
        assertEquals(0, new BigDecimal("12.50").compareTo(decrypted.amount()));
        assertEquals("EUR", decrypted.currency(), "UIC 242 comes back as ISO");
        assertEquals(Verdict.CAPTURED, queried.verdict(), "TransactionState MOV");
        assertNotNull(queried.shippingAddress().addressLine1());
        assertNotNull(queried.billingAddress().city());
        assertNotNull(queried.buyer().name());
        assertEquals(decrypted.bankTransactionId(), queried.bankTransactionId());
    }

    @Test
    void aDeclinedTransactionIsDataWithAmazonsReason() throws Exception {
        String stx = stx();
        pay(gateway.startHostedPayment(request(stx, "en")).redirectUrl(), "invalid-payment-method-soft");

        GatewayOutcome queried = gateway.queryTransaction(stx);

        assertEquals(Verdict.DECLINED, queried.verdict());
        assertEquals("74", queried.errorCode(), "kept as given");
        assertEquals(DeclineReason.INVALID_PAYMENT_METHOD, queried.decline().reason(), "Amazon's reason wins");
        assertEquals(DeclineReason.INVALID_PAYMENT_METHOD, queried.decline().walletReason());
        assertEquals("InvalidPaymentMethod", queried.decline().reasonCode());
        assertEquals(DeclineClass.SOFT, queried.decline().declineClass(), "marked soft by Amazon");
    }

    @Test
    void anUnknownTransactionIsNotFound() {
        GatewayException e = assertThrows(GatewayException.class, () -> gateway.queryTransaction(stx()));

        assertEquals(GatewayException.Kind.NOT_FOUND, e.kind());
        assertEquals("2011", e.errorCode());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void aTamperedOrForeignResultStringIsAnInvalidRequest() {
        GatewayException tampered = assertThrows(GatewayException.class,
                () -> gateway.decrypt(AxerveSimulator.DEFAULT_SHOP_LOGIN, "A".repeat(128)));
        GatewayException foreign = assertThrows(GatewayException.class,
                () -> gateway.decrypt("GESPAY99999", "A".repeat(128)));

        assertEquals(GatewayException.Kind.INVALID_REQUEST, tampered.kind());
        assertEquals("1100", tampered.errorCode());
        assertEquals(GatewayException.Kind.INVALID_REQUEST, foreign.kind());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"timeout, TIMEOUT, true", "http500, TRANSPORT, true", "malformed, TRANSPORT, true",
            "systemError, SYSTEM, true"})
    void failuresKeepWhetherTheOutcomeIsUnknown(String fault, GatewayException.Kind kind, boolean unknown)
            throws Exception {
        admin("POST", "/faults", "{\"operation\":\"Encrypt\",\"kind\":\"" + fault
                + "\",\"delayMs\":3000,\"process\":false,\"times\":1}");

        GatewayException e = startFails();

        assertEquals(kind, e.kind());
        assertEquals(unknown, e.outcomeUnknown());
    }

    @Test
    void aWrongApikeyIsAnAuthFailure() throws Exception {
        merchant(",\"apikey\":\"required\"");

        GatewayException e = startFails();

        assertEquals(GatewayException.Kind.AUTH, e.kind());
        assertEquals("1169", e.errorCode());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void aCurrencyTheShopDoesNotTakeIsAnInvalidRequest() throws Exception {
        merchant(",\"currencies\":[\"1\"]");

        GatewayException e = startFails();

        assertEquals(GatewayException.Kind.INVALID_REQUEST, e.kind());
        assertEquals("1111", e.errorCode());
    }

    @Test
    void theValidatorRulesComeFromAxervesTables() {
        assertTrue(AxerveRules.supportedCurrencies().containsAll(java.util.Set.of("EUR", "USD", "GBP", "CHF")));
        assertFalse(AxerveRules.supportedCurrencies().contains("ITL"), "kept only to decode old records");
        assertFalse(AxerveRules.supportedCurrencies().contains("PKR"), "dropped from Axerve's public table");
        assertTrue(AxerveRules.forbiddenInCustomInfo().test("a b"));
        assertTrue(AxerveRules.forbiddenInCustomInfo().test("a--b"));
        assertFalse(AxerveRules.forbiddenInCustomInfo().test("north_1.5"));
        assertEquals("UIC:999", OutcomeMapper.isoCurrency("999"));
        assertThrows(IllegalArgumentException.class, () -> LanguageIds.of("pt"));
    }

    /** The buyer on the payment page; the {@code b} Axerve sends back. */
    private static String pay(String redirectUrl, String scenario) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(redirectUrl + "&sim=" + scenario))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(r.body()));
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("b=")) {
                return URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no b in " + location);
    }

    /** The simulated merchant: the default shop login with {@code settings} (more JSON members, or none). */
    private static void merchant(String settings) throws IOException, InterruptedException {
        admin("PUT", "/merchants/" + AxerveSimulator.DEFAULT_SHOP_LOGIN,
                "{\"shopLogin\":\"" + AxerveSimulator.DEFAULT_SHOP_LOGIN + "\"" + settings + "}");
    }

    /** Starts a payment page that must fail. */
    private GatewayException startFails() {
        return assertThrows(GatewayException.class, () -> gateway.startHostedPayment(request(stx(), "it")));
    }

    private static void admin(String method, String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim" + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, r.body());
    }
}
