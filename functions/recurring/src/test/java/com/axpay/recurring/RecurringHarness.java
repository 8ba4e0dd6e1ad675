package com.axpay.recurring;

import com.axpay.core.agreement.Agreement;
import com.axpay.core.agreement.AgreementTerms;
import com.axpay.core.agreement.ChargeIds;
import com.axpay.core.agreement.DunningPolicy;
import com.axpay.core.agreement.Plan;
import com.axpay.core.agreement.RecurringMode;
import com.axpay.core.port.ChargeQueue;
import com.axpay.core.usecase.CancelAgreement;
import com.axpay.core.usecase.ChargeCycle;
import com.axpay.core.usecase.ChargeProcessor;
import com.axpay.core.usecase.ScheduleDueCharges;
import com.axpay.gateway.axerve.AxerveRecurringGateway;
import com.axpay.kit.testing.DynamoDbLocal;
import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import com.axpay.soap.AxerveClient;
import com.axpay.soap.AxerveConfig;
import com.axpay.soap.AxerveEnvironment;
import com.axpay.soap.EncryptRequest;
import com.axpay.store.dynamodb.DynamoDbAgreementRepository;
import com.axpay.store.dynamodb.TableDefinitions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The recurring use cases on real parts: DynamoDB Local, the Axerve simulator over HTTP on 127.0.0.1, the real SOAP
 * client with a read timeout (so the simulator's timeout fault, twice as long, is a crash between the call and the
 * record update; an ordinary answer on a busy machine stays well within it), a settable clock and an in-memory queue.
 */
final class RecurringHarness implements AutoCloseable {

    static final Duration READ_TIMEOUT = Duration.ofMillis(2000);
    static final Duration LEASE = Duration.ofSeconds(30);

    final AxerveSimulator sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0)
            // the browser is simulated by reading Location: these hosts are never contacted
            .positiveUrl("http://127.0.0.1:9/ok").negativeUrl("http://127.0.0.1:9/ko"));
    final AxerveClient axerve = AxerveClient.create(AxerveConfig.builder()
            .environment(AxerveEnvironment.custom(URI.create(sim.baseUrl())))
            .shopLogin(AxerveSimulator.DEFAULT_SHOP_LOGIN)
            .connectTimeout(Duration.ofSeconds(2))
            .readTimeout(READ_TIMEOUT)
            .build());
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-01-31T09:00:00Z"));
    final Clock clock = new Clock() {
        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    };
    final DynamoDbClient dynamo = DynamoDbClient.builder()
            .endpointOverride(DynamoDbLocal.endpoint())
            .region(Region.EU_SOUTH_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    final String table = "recurring-" + UUID.randomUUID();
    final DynamoDbAgreementRepository agreements;
    final AxerveRecurringGateway gateway = new AxerveRecurringGateway(axerve);
    final ConcurrentLinkedQueue<ChargeQueue.ChargeMessage> queue = new ConcurrentLinkedQueue<>();
    final DunningPolicy dunning = new DunningPolicy(List.of(Duration.ofDays(3), Duration.ofDays(3)));
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    RecurringHarness() {
        TableDefinitions.createPaymentsTable(dynamo, table);
        agreements = new DynamoDbAgreementRepository(dynamo, table);
    }

    ChargeProcessor processor() {
        return new ChargeProcessor(agreements, gateway, dunning, clock, LEASE);
    }

    ScheduleDueCharges schedule() {
        return new ScheduleDueCharges(agreements, queue::addAll, clock);
    }

    CancelAgreement cancel() {
        return new CancelAgreement(agreements, gateway, processor(), clock);
    }

    /** One schedule tick, then the worker drains what it enqueued. */
    void tickAndDrain() {
        schedule().run(() -> true);
        drain();
    }

    Agreement stored(String agreementId) {
        return agreements.findById(agreementId).orElseThrow();
    }

    ChargeCycle worker() {
        return new ChargeCycle(agreements, processor());
    }

    /** A real token: Encrypt onlyrecurring, the simulator's page answers at once, Decrypt the result. */
    String issueToken(String shopTransactionId) throws Exception {
        var encrypted = axerve.encrypt(EncryptRequest.builder().uicCode("242").amount("9.90")
                .shopTransactionId(shopTransactionId).paymentType("AMAZONPAY")
                .amazonPayBillingAgreementDescription("onlyrecurring").build());
        URI page = axerve.paymentPageUrl(encrypted.cryptDecryptString());
        HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(URI.create(page + "&sim=success")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String location = r.headers().firstValue("Location").orElseThrow();
        String b = null;
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            if (pair.startsWith("b=")) {
                b = URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
            }
        }
        return axerve.decrypt(b).token();
    }

    /** An onlyrecurring agreement due now, monthly, {@code cycles} charges. */
    Agreement agreement(String paymentId, Integer cycles) throws Exception {
        String id = ChargeIds.agreementIdFor(paymentId);
        AgreementTerms terms = new AgreementTerms(id, paymentId, "order-" + paymentId, RecurringMode.ONLY_RECURRING,
                new Plan(new BigDecimal("9.90"), "EUR", Period.ofMonths(1), null, cycles), now.get());
        Agreement a = Agreement.fromToken(terms, issueToken("tok-" + paymentId), now.get());
        agreements.create(a, null);
        return a;
    }

    /** Drains the queue through the worker, bounded in rounds. */
    void drain() {
        ChargeCycle w = worker();
        for (int i = 0; i < 10_000 && !queue.isEmpty(); i++) {
            ChargeQueue.ChargeMessage m = queue.poll();
            if (m != null) {
                w.charge(m);
            }
        }
    }

    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    @Override
    public void close() {
        sim.close();
        dynamo.close();
    }
}
