package com.axpay.rehearsal.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The cold-start yardstick: the least a function can do for the same I/O, by hand. No framework, no JAXB, no Metro:
 * a DynamoDB client built in the constructor and, per {@code REFERENCE_IO}, one DynamoDB call and one SOAP call
 * written as a string over the JDK's HTTP client. Runs from the same deployment jar's libraries as the real
 * functions (the bench adds this class to their task root). Never deployed; used only by {@link ColdStartBench}.
 * <ul>
 *   <li>{@code put+encrypt}: PutItem, then WSCryptDecrypt Encrypt (what StartPayment does)</li>
 *   <li>{@code get}: GetItem (GetPayment, the charge worker's read)</li>
 *   <li>{@code decrypt+get}: Decrypt, then GetItem (the S2S notification)</li>
 * </ul>
 */
public final class ReferenceHandler implements RequestStreamHandler {

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
    private final String io = System.getenv("REFERENCE_IO");

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        String id = "REF#" + UUID.randomUUID();
        String soap = "";
        switch (io) {
            case "put+encrypt" -> {
                dynamoDb.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS(id),
                        "state", AttributeValue.fromS("NEW"))));
                soap = soap("Encrypt", "<shopLogin>" + shop + "</shopLogin><uicCode>242</uicCode>"
                        + "<amount>19.90</amount><shopTransactionId>" + id.substring(4, 24) + "</shopTransactionId>"
                        + "<paymentTypes><paymentType>AMAZONPAY</paymentType></paymentTypes>"
                        + "<apikey>" + System.getenv("AXERVE_APIKEY") + "</apikey>");
            }
            case "get" -> dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(id))));
            case "decrypt+get" -> {
                soap = soap("Decrypt", "<shopLogin>" + shop + "</shopLogin><CryptedString>"
                        + System.getenv("REFERENCE_CRYPTED") + "</CryptedString><apikey>"
                        + System.getenv("AXERVE_APIKEY") + "</apikey>");
                dynamoDb.getItem(r -> r.tableName(table).key(Map.of("pk", AttributeValue.fromS(id))));
            }
            default -> throw new IllegalStateException("REFERENCE_IO must be put+encrypt, get or decrypt+get");
        }
        output.write(("{\"statusCode\":200,\"body\":\"" + soap.length() + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private String soap(String operation, String fields) throws IOException {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><" + operation
                + " xmlns=\"https://ecomm.sella.it/\">" + fields + "</" + operation + "></soap:Body></soap:Envelope>";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(axerve
                            + "/gestpay/GestPayWS/WsCryptDecrypt.asmx")).timeout(Duration.ofSeconds(8))
                    .header("Content-Type", "text/xml; charset=utf-8")
                    .header("SOAPAction", "\"https://ecomm.sella.it/" + operation + "\"")
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
}
