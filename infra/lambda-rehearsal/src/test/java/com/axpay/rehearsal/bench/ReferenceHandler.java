package com.axpay.rehearsal.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cold-start yardstick: the least a function can do for the same remote calls, by hand. No framework, no JAXB, no
 * Metro, no JSON library: a DynamoDB client built in the constructor, the SOAP envelopes as strings over the JDK's
 * HTTP client, the ids taken from the event with regular expressions. Runs from the same deployment jar's libraries
 * as the real function (the bench adds this class to its task root). Never deployed; used only by
 * {@link ColdStartBench}.
 *
 * <p>Per {@code REFERENCE_IO}, the same DynamoDB operations in the same order as the function's request path (the
 * same number of items in each transaction) and the same Axerve operations, as {@code bench/lambda-cold-start.sh
 * --trace-io} lists them for both. Reads are of the real items the event names (so the SOAP calls carry the real
 * transaction ids and Axerve answers OK); writes put copies of those items (or items of the same shape) under keys
 * of their own ({@code REF#...}), so no state machine, no condition, no model.
 */
public final class ReferenceHandler implements RequestStreamHandler {

    private static final String CRYPT = "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
    private static final String S2S = "/gestpay/GestPayWS/WSs2s.asmx";
    private static final String CRYPT_NS = "https://ecomm.sella.it/";
    private static final String S2S_NS = "https://ecomms2s.sella.it/";
    /** The reconciler's default threshold: it asks about payments open longer than that. */
    private static final Duration RECONCILE_AFTER = Duration.ofMinutes(15);
    private static final int DUE_SHARDS = 8;

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .endpointOverride(URI.create(System.getenv("DYNAMODB_ENDPOINT")))
            .region(Region.of(System.getenv("AWS_REGION")))
            // as the functions do against a local endpoint: DynamoDB Local keeps one database per access key
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String table = System.getenv("PAYMENTS_TABLE");
    private final String axerve = System.getenv("AXERVE_ENV");
    private final String shop = System.getenv("AXERVE_SHOP_LOGIN");
    private final String apikey = System.getenv("AXERVE_APIKEY");
    private final String io = System.getenv("REFERENCE_IO");
    /** The function's clock offset ({@code LOCAL_CLOCK_FILE}'s content), for the reconciler and the schedule. */
    private final Duration clock = System.getenv("REFERENCE_CLOCK") == null ? Duration.ZERO
            : Duration.parse(System.getenv("REFERENCE_CLOCK"));

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        int status = 200;
        switch (io) {
            case "start-payment" -> {
                Map<String, AttributeValue> payment = paymentLike(field(event, "orderId"), field(event, "amount"));
                get("ORDER#" + field(event, "orderId"));
                transact(put(payment), put(payment), put(payment));
                soap(CRYPT, CRYPT_NS, "Encrypt", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode><amount>"
                        + field(event, "amount") + "</amount><shopTransactionId>" + s(payment, "shopTransactionId")
                        + "</shopTransactionId><paymentTypes><paymentType>AMAZONPAY</paymentType></paymentTypes>");
                dynamoDb.putItem(r -> r.tableName(table).item(copy(payment)));
                status = 201;
            }
            case "get-payment" -> get("PAY#" + field(event, "paymentId"));
            case "browser-return" -> {
                decryptAndRead(event);
                status = 303;
            }
            case "notification" -> {
                Map<String, AttributeValue> payment = decryptAndRead(event);
                transact(put(payment), put(outboxLike(payment)));
                readTrx(s(payment, "shopTransactionId"));
                update();
                transact(put(payment), put(outboxLike(payment)));
            }
            case "reconcile" -> {
                // the function's sweep: four payment states, open operations, pending refunds, then the stuck count
                String cutoff = Long.toString(Instant.now().plus(clock).minus(RECONCILE_AFTER).toEpochMilli());
                for (String bucket : List.of("CREATED", "REDIRECTED", "PENDING", "UNKNOWN", "OPERATION",
                        "REFUND_PENDING")) {
                    for (Map<String, AttributeValue> p : openSince(bucket, cutoff).items()) {
                        readTrx(s(p, "shopTransactionId"));
                        transact(put(p), put(outboxLike(p)));
                    }
                }
                dynamoDb.query(r -> r.tableName(table).indexName("byOpenState").keyConditionExpression("#os = :s")
                        .expressionAttributeNames(Map.of("#os", "openState"))
                        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("STUCK"))).select(Select.COUNT));
            }
            case "refund" -> {
                Map<String, AttributeValue> payment = get("PAY#" + field(event, "paymentId"));
                Map<String, AttributeValue> refund = Map.of("pk", ref(), "amount", AttributeValue.fromS(
                        field(event, "amount")), "state", AttributeValue.fromS("PENDING"));
                get("REFUND#" + UUID.randomUUID());
                transact(put(refund), put(payment));
                soap(S2S, S2S_NS, "callRefundS2S", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode><amount>"
                        + field(event, "amount") + "</amount>" + ids(payment, "shopTransactionId",
                        "bankTransactionId"));
                get("PAY#" + field(event, "paymentId"));
                transact(put(refund), put(payment), put(outboxLike(payment)));
                get("PAY#" + field(event, "paymentId"));
                status = 201;
            }
            case "cancel-payment" -> {
                get("PAY#" + field(event, "paymentId"));
                Map<String, AttributeValue> payment = get("PAY#" + field(event, "paymentId"));
                dynamoDb.putItem(r -> r.tableName(table).item(copy(payment)));
                soap(S2S, S2S_NS, "callDeleteS2S", "<shopLogin>" + shop + "</shopLogin>"
                        + ids(payment, "shopTransactionId", "bankTransactionId"));
                transact(put(payment), put(outboxLike(payment)));
            }
            case "capture" -> {
                Map<String, AttributeValue> payment = get("PAY#" + field(event, "paymentId"));
                dynamoDb.putItem(r -> r.tableName(table).item(copy(payment)));
                soap(S2S, S2S_NS, "callSettleS2S", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode><amount>"
                        + s(payment, "amount") + "</amount><shopTransID>" + s(payment, "shopTransactionId")
                        + "</shopTransID><bankTransID>" + s(payment, "bankTransactionId") + "</bankTransID>");
                transact(put(payment), put(outboxLike(payment)));
            }
            case "publish" -> {
                Matcher keys = Pattern.compile("\"pk\"\\s*:\\s*\\{\\s*\"S\"\\s*:\\s*\"(OUTBOX#[^\"]+)\"")
                        .matcher(event);
                while (keys.find()) {
                    Map<String, AttributeValue> item = get(keys.group(1));
                    Bus.put(s(item, "source"), s(item, "detailType"), s(item, "detail"));
                    update();
                }
            }
            case "get-agreement" -> get("AGR#" + field(event, "agreementId"));
            case "charge-agreement" -> {
                Map<String, AttributeValue> agreement = get("AGR#" + field(event, "agreementId"));
                Map<String, AttributeValue> charge = chargeLike(agreement, field(event, "amount"));
                get(s(charge, "pk"));
                dynamoDb.putItem(r -> r.tableName(table).item(charge));
                get(s(charge, "pk"));
                get(s(charge, "pk"));
                get("AGR#" + field(event, "agreementId"));
                transact(put(charge), check(agreement));
                chargeToken(charge, agreement);
                transact(put(charge), put(agreement), put(outboxLike(agreement)));
                status = 201;
            }
            case "cancel-agreement" -> {
                Map<String, AttributeValue> agreement = get("AGR#" + field(event, "agreementId"));
                get("CHG#" + UUID.randomUUID());
                transact(put(agreement), put(outboxLike(agreement)));
                soap(S2S, S2S_NS, "callDeleteTokenS2S", "<tokenValue>" + s(agreement, "token")
                        + "</tokenValue><shopLogin>" + shop + "</shopLogin>");
                dynamoDb.putItem(r -> r.tableName(table).item(copy(agreement)));
            }
            case "resume-agreement" -> {
                Map<String, AttributeValue> agreement = get("AGR#" + field(event, "agreementId"));
                transact(put(agreement), put(outboxLike(agreement)));
            }
            case "widget-payment" -> {
                Map<String, AttributeValue> payment = paymentLike(field(event, "orderId"), field(event, "amount"));
                get("ORDER#" + field(event, "orderId"));
                transact(put(payment), put(payment), put(payment));
                soap(S2S, S2S_NS, "callPagamS2S", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode><amount>"
                        + field(event, "amount") + "</amount><shopTransactionId>" + s(payment, "shopTransactionId")
                        + "</shopTransactionId><transKey>" + field(event, "amazonOrderReferenceId") + "</transKey>"
                        + "<paymentTypes><paymentType>AMAZONPAY</paymentType></paymentTypes>");
                transact(put(payment), put(outboxLike(payment)));
                readTrx(s(payment, "shopTransactionId"));
                update();
                transact(put(payment), put(outboxLike(payment)));
                status = 201;
            }
            case "schedule" -> {
                String by = Long.toString(Instant.now().plus(clock).toEpochMilli());
                for (int shard = 0; shard < DUE_SHARDS; shard++) {
                    String dueShard = "DUE#" + shard;
                    List<String> messages = new ArrayList<>();
                    for (Map<String, AttributeValue> due : dynamoDb.query(r -> r.tableName(table).indexName("byDue")
                            .keyConditionExpression("#shard = :shard AND #at <= :by")
                            .expressionAttributeNames(Map.of("#shard", "dueShard", "#at", "dueAt"))
                            .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(dueShard),
                                    ":by", AttributeValue.fromN(by))).limit(200)).items()) {
                        Map<String, AttributeValue> agreement = get(s(due, "pk"));
                        Map<String, AttributeValue> charge = chargeLike(agreement, "9.90");
                        get(s(charge, "pk"));
                        dynamoDb.putItem(r -> r.tableName(table).item(charge));
                        messages.add("{\"agreementId\":\"" + s(agreement, "agreementId") + "\",\"cycle\":"
                                + agreement.get("cycle").n() + ",\"attempt\":" + agreement.get("attempt").n() + "}");
                    }
                    if (!messages.isEmpty()) {
                        Queue.send(messages);
                    }
                }
                output.write("\"complete\"".getBytes(StandardCharsets.UTF_8));
                return;
            }
            case "charge-worker" -> {
                String agreementId = field(event, "agreementId");
                String key = "CHG#" + agreementId + "#C" + field(event, "cycle") + "#A" + field(event, "attempt");
                get(key);
                Map<String, AttributeValue> charge = get(key);
                Map<String, AttributeValue> agreement = get("AGR#" + agreementId);
                transact(put(charge), check(agreement));
                chargeToken(charge, agreement);
                transact(put(charge), put(agreement), put(outboxLike(agreement)));
                output.write("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            default -> throw new IllegalStateException("unknown REFERENCE_IO " + io);
        }
        output.write(("{\"statusCode\":" + status + ",\"body\":\"{}\"}").getBytes(StandardCharsets.UTF_8));
    }

    // ---- the event: a field of the JSON (or of the JSON body inside it, escaped), the query's b parameter

    private static String field(String event, String name) {
        Matcher m = Pattern.compile("\\\\?\"" + name + "\\\\?\"\\s*:\\s*\\\\?\"?([^\"\\\\,}]+)").matcher(event);
        if (!m.find()) {
            throw new IllegalArgumentException("the event has no " + name);
        }
        return m.group(1);
    }

    /** Axerve's notification or the buyer's return: Decrypt, then the payment through its shopTransactionId. */
    private Map<String, AttributeValue> decryptAndRead(String event) throws IOException {
        String query = field(event, "rawQueryString");
        String b = URLDecoder.decode(query.replaceAll(".*(?:^|&)b=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String answer = soap(CRYPT, CRYPT_NS, "Decrypt", "<shopLogin>" + shop + "</shopLogin><CryptedString>" + b
                + "</CryptedString>");
        String stx = answer.replaceAll("(?s).*<ShopTransactionID>([^<]*)</ShopTransactionID>.*", "$1");
        return get("PAY#" + s(get("STX#" + stx), "paymentId"));
    }

    // ---- DynamoDB, by hand

    private Map<String, AttributeValue> get(String pk) {
        return dynamoDb.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS(pk)))).item();
    }

    private QueryResponse openSince(String bucket, String before) {
        return dynamoDb.query(r -> r.tableName(table).indexName("byOpenState")
                .keyConditionExpression("#os = :bucket AND #since < :before")
                .expressionAttributeNames(Map.of("#os", "openState", "#since", "openSince"))
                .expressionAttributeValues(Map.of(":bucket", AttributeValue.fromS(bucket),
                        ":before", AttributeValue.fromN(before))).limit(50));
    }

    private void transact(TransactWriteItem... items) {
        dynamoDb.transactWriteItems(r -> r.transactItems(items));
    }

    /** A write of {@code item}'s copy under a key of its own, unless that key exists (as the functions' writes). */
    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(copy(item))
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    private TransactWriteItem check(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(Map.of("pk", item.get("pk"))).conditionExpression("attribute_exists(pk)").build()).build();
    }

    private void update() {
        dynamoDb.updateItem(r -> r.tableName(table).key(Map.of("pk", ref())).updateExpression("SET #t = :t")
                .expressionAttributeNames(Map.of("#t", "updatedAt"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS(Instant.now().toString()))));
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> m = new HashMap<>(item);
        m.put("pk", ref());
        m.remove("openState"); // a copy stays out of the sparse indexes the functions query
        m.remove("dueShard");
        return m;
    }

    private static AttributeValue ref() {
        return AttributeValue.fromS("REF#" + UUID.randomUUID());
    }

    /** A payment item as a start writes it: the same attributes, a shopTransactionId of its own. */
    private static Map<String, AttributeValue> paymentLike(String orderId, String amount) {
        String now = Instant.now().toString();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", ref());
        m.put("type", AttributeValue.fromS("PAYMENT"));
        m.put("paymentId", AttributeValue.fromS("pay_" + UUID.randomUUID().toString().replace("-", "")));
        m.put("orderId", AttributeValue.fromS(orderId));
        m.put("attempt", AttributeValue.fromN("1"));
        m.put("shopTransactionId", AttributeValue.fromS(orderId + "-R"));
        m.put("amount", AttributeValue.fromS(amount));
        m.put("currency", AttributeValue.fromS("EUR"));
        m.put("state", AttributeValue.fromS("CREATED"));
        m.put("version", AttributeValue.fromN("1"));
        m.put("reconcileAttempts", AttributeValue.fromN("0"));
        m.put("reconcileExhausted", AttributeValue.fromBool(false));
        m.put("createdAt", AttributeValue.fromS(now));
        m.put("updatedAt", AttributeValue.fromS(now));
        return m;
    }

    /** An upsell or cycle charge record of the agreement, with a fresh shopTransactionId. */
    private static Map<String, AttributeValue> chargeLike(Map<String, AttributeValue> agreement, String amount) {
        String now = Instant.now().toString();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("pk", AttributeValue.fromS("CHG#" + UUID.randomUUID()));
        m.put("type", AttributeValue.fromS("CHARGE"));
        m.put("agreementId", agreement.get("agreementId"));
        m.put("cycle", agreement.get("cycle"));
        m.put("attempt", agreement.get("attempt"));
        m.put("shopTransactionId", AttributeValue.fromS("R" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 30)));
        m.put("amount", AttributeValue.fromS(amount));
        m.put("currency", AttributeValue.fromS("EUR"));
        m.put("state", AttributeValue.fromS("SCHEDULED"));
        m.put("version", AttributeValue.fromN("1"));
        m.put("createdAt", AttributeValue.fromS(now));
        m.put("updatedAt", AttributeValue.fromS(now));
        return m;
    }

    /** An outbox item of the same shape as the functions' (the event's JSON detail). */
    private static Map<String, AttributeValue> outboxLike(Map<String, AttributeValue> about) {
        return Map.of("pk", ref(), "type", AttributeValue.fromS("OUTBOX"),
                "eventId", AttributeValue.fromS(UUID.randomUUID().toString()),
                "source", AttributeValue.fromS("axpay.payments"), "detailType", AttributeValue.fromS("PaymentUpdated"),
                "detail", AttributeValue.fromS("{\"id\":\"" + s(about, "pk") + "\",\"state\":\"" + s(about, "state")
                        + "\",\"amount\":\"" + (about.containsKey("amount") ? s(about, "amount") : "") + "\"}"));
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || v.s() == null) {
            throw new IllegalStateException("no " + name + " in " + item.keySet());
        }
        return v.s();
    }

    // ---- Axerve, by hand

    private static String ids(Map<String, AttributeValue> payment, String stx, String bank) {
        return "<shopTransactionId>" + s(payment, stx) + "</shopTransactionId><bankTransactionId>" + s(payment, bank)
                + "</bankTransactionId>";
    }

    private void readTrx(String shopTransactionId) throws IOException {
        soap(S2S, S2S_NS, "callReadTrxS2S", "<shopLogin>" + shop + "</shopLogin><shopTransactionId>"
                + shopTransactionId + "</shopTransactionId>");
    }

    private void chargeToken(Map<String, AttributeValue> charge, Map<String, AttributeValue> agreement)
            throws IOException {
        soap(S2S, S2S_NS, "callPagamS2S", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode><amount>"
                + s(charge, "amount") + "</amount><shopTransactionId>" + s(charge, "shopTransactionId")
                + "</shopTransactionId><tokenValue>" + s(agreement, "token") + "</tokenValue><paymentTypes>"
                + "<paymentType>AMAZONPAY</paymentType></paymentTypes>");
    }

    /** One SOAP 1.1 call; the answer must be Axerve's OK. */
    private String soap(String service, String namespace, String operation, String fields) throws IOException {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + operation
                + " xmlns=\"" + namespace + "\">" + fields + "<apikey>" + apikey + "</apikey></" + operation
                + "></soap:Body></soap:Envelope>";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(axerve + service))
                    .timeout(Duration.ofSeconds(8)).header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"" + namespace + operation + "\"")
                    .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || !r.body().contains("<TransactionResult>OK</TransactionResult>")) {
                throw new IOException(operation + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    // ---- the two SDKs only one jar carries, in classes of their own so the others never load them

    /** The publisher's EventBridge PutEvents, one entry per call as the function sends them. */
    private static final class Bus {
        private static final software.amazon.awssdk.services.eventbridge.EventBridgeClient CLIENT =
                software.amazon.awssdk.services.eventbridge.EventBridgeClient.builder()
                        .endpointOverride(URI.create(System.getenv("EVENTS_ENDPOINT")))
                        .region(Region.of(System.getenv("AWS_REGION")))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                                "local")))
                        .httpClient(UrlConnectionHttpClient.create()).build();

        static void put(String source, String detailType, String detail) {
            CLIENT.putEvents(r -> r.entries(e -> e.eventBusName(System.getenv("EVENT_BUS_NAME")).source(source)
                    .detailType(detailType).detail(detail)));
        }
    }

    /** The schedule's SQS SendMessageBatch. */
    private static final class Queue {
        private static final software.amazon.awssdk.services.sqs.SqsClient CLIENT =
                software.amazon.awssdk.services.sqs.SqsClient.builder()
                        .endpointOverride(URI.create(System.getenv("SQS_ENDPOINT")))
                        .region(Region.of(System.getenv("AWS_REGION")))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                                "local")))
                        .httpClient(UrlConnectionHttpClient.create()).build();

        static void send(List<String> bodies) {
            List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i)).messageBody(bodies.get(i)).build());
            }
            CLIENT.sendMessageBatch(r -> r.queueUrl(System.getenv("CHARGE_QUEUE_URL")).entries(entries));
        }
    }
}
