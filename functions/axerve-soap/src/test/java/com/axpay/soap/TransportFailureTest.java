package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.axpay.soap.AxerveTransportException.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Failures below the SOAP payload: each becomes an AxerveTransportException with the right reason. */
class TransportFailureTest {
    @RegisterExtension
    final FakeAxerve fake = new FakeAxerve();

    private AxerveTransportException readTrxFails(AxerveClient client) {
        return assertThrows(AxerveTransportException.class, () -> client.callReadTrxS2S("ord-1", null));
    }

    @Test
    void connectionRefusedIsAKnownNonDelivery() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AxerveClient client = AxerveClient.create(AxerveConfig.builder()
                .environment(AxerveEnvironment.custom(URI.create("http://127.0.0.1:" + port))).shopLogin("GESPAY99001")
                .build());
        AxerveTransportException e = readTrxFails(client);
        assertEquals(Reason.CONNECT_FAILED, e.reason());
        assertFalse(e.outcomeUnknown());
    }

    /** A listener that never accepts, with its backlog filled, leaves new connections unanswered (loopback only). */
    @Test
    void connectTimeoutIsAKnownNonDelivery() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(silent.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (SocketTimeoutException backlogFull) {
                        s.close();
                        break;
                    }
                }
                assumeTrue(fillers.size() < 8, "this OS accepts connections past the backlog");
                AxerveClient client = AxerveClient.create(AxerveConfig.builder()
                        .environment(AxerveEnvironment.custom(URI.create("http://127.0.0.1:" + silent.getLocalPort())))
                        .shopLogin("GESPAY99001").connectTimeout(Duration.ofMillis(300)).build());
                AxerveTransportException e = readTrxFails(client);
                assertEquals(Reason.CONNECT_TIMEOUT, e.reason());
                assertFalse(e.outcomeUnknown());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void readTimeoutMeansOutcomeUnknown() {
        CountDownLatch release = new CountDownLatch(1);
        fake.respond(r -> ex -> {
            try {
                release.await(3, TimeUnit.SECONDS); // held until the client has given up
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        AxerveClient client = AxerveClient.create(fake.config().readTimeout(Duration.ofMillis(300)).build());
        try {
            AxerveTransportException e = readTrxFails(client);
            assertEquals(Reason.READ_TIMEOUT, e.reason());
            assertTrue(e.outcomeUnknown());
            // the client gave up after sending; on a busy machine the server thread may record it a little later
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fake.requests().isEmpty() && System.nanoTime() < deadline) {
                sleepBriefly();
            }
            assertEquals(1, fake.requests().size(), "the request reached the server");
        } finally {
            release.countDown();
        }
    }

    @Test
    void http500HtmlPage() {
        fake.respond(r -> FakeAxerve.status(500, "text/html",
                "<html><body><h1>Server Error in '/' Application.</h1></body></html>"));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(500, e.httpStatus());
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void http500WithAnOrdinaryResultIsNotAnAnswer() {
        // a result under HTTP 500 may have been processed or not: never a success, never a decline
        fake.respond(r -> FakeAxerve.status(500, "text/xml; charset=utf-8", Soap.s2s("callReadTrxS2S",
                Soap.fields("TransactionType", "QUERYTX", "TransactionResult", "OK", "ShopTransactionID", "s-1"))));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertEquals(500, e.httpStatus());
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void emptyBodyWithStatus200IsAnOutcomeUnknownFailure() {
        fake.respond(r -> FakeAxerve.status(200, "text/xml; charset=utf-8", ""));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
        assertTrue(e.outcomeUnknown(), "the request reached Axerve");
        assertTrue(e.getMessage().contains("empty body"), e.getMessage());
        assertFalse(e.getMessage().contains("NullPointerException"), e.getMessage());
    }

    @Test
    void http404IsNotProcessed() {
        fake.respond(r -> FakeAxerve.status(404, "text/html", "<html>not found</html>"));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.HTTP_STATUS, e.reason());
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void soapFault() {
        fake.respond(r -> FakeAxerve.status(500, "text/xml; charset=utf-8",
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope"
                        + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><soap:Fault>"
                        + "<faultcode>soap:Server</faultcode><faultstring>Server was unable to process request."
                        + "</faultstring><detail/></soap:Fault></soap:Body></soap:Envelope>"));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.SOAP_FAULT, e.reason());
        assertTrue(e.outcomeUnknown());
        assertTrue(e.getMessage().contains("Server was unable to process request"), e.getMessage());
    }

    @Test
    void garbledBody() {
        fake.respond(r -> FakeAxerve.xml("<<this is %% not xml"));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void truncatedEnvelope() {
        String full = Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX", "TransactionResult", "OK"));
        fake.respond(r -> FakeAxerve.xml(full.substring(0, full.length() / 2)));
        assertEquals(Reason.MALFORMED_RESPONSE, readTrxFails(AxerveClient.create(fake.config().build())).reason());
    }

    @Test
    void htmlWithStatus200() {
        fake.respond(r -> FakeAxerve.status(200, "text/html", "<html><body>maintenance</body></html>"));
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().build()));
        assertEquals(Reason.MALFORMED_RESPONSE, e.reason());
    }

    @Test
    void wellFormedButWrongOperationWrapper() {
        fake.respondXml(Soap.s2s("callPagamS2S", Soap.fields("TransactionType", "PAGAM", "TransactionResult", "OK")));
        assertEquals(Reason.MALFORMED_RESPONSE, readTrxFails(AxerveClient.create(fake.config().build())).reason());
    }

    @Test
    void payloadWithoutTransactionResult() {
        fake.respondXml(Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX")));
        assertEquals(Reason.MALFORMED_RESPONSE, readTrxFails(AxerveClient.create(fake.config().build())).reason());
    }

    @Test
    void oversizedChunkedBodyIsCutAtTheLimit() {
        int limit = 64 * 1024;
        long sent = 8L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        fake.respond(r -> ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            ex.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = ex.getResponseBody()) {
                out.write(Soap.s2s("callReadTrxS2S", "").substring(0, 200).getBytes(StandardCharsets.UTF_8));
                for (long n = 0; n < sent; n += chunk.length) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException clientHungUp) {
                // expected: the client stops reading at the limit
            }
        });
        AxerveTransportException e = readTrxFails(AxerveClient.create(fake.config().maxResponseBytes(limit).build()));
        assertEquals(Reason.OVERSIZED_RESPONSE, e.reason());
        assertTrue(e.outcomeUnknown());
    }

    @Test
    void oversizedAnnouncedLengthIsRefusedBeforeReading() {
        fake.respondXml(readTrxWithDescriptionOf(200_000));
        AxerveTransportException e = readTrxFails(
                AxerveClient.create(fake.config().maxResponseBytes(100_000).build()));
        assertEquals(Reason.OVERSIZED_RESPONSE, e.reason());
        assertNull(e.errorCode());
    }

    @Test
    void responseJustUnderTheLimitIsRead() {
        fake.respondXml(readTrxWithDescriptionOf(50_000));
        AxerveResult r = AxerveClient.create(fake.config().maxResponseBytes(100_000).build())
                .callReadTrxS2S("ord-1", null);
        assertEquals(50_000, r.errorDescription().length());
    }

    /** A pause between polls of a condition (bounded by the caller's deadline). */
    private static void sleepBriefly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A successful callReadTrxS2S answer made large by an ErrorDescription of {@code length} characters. */
    private static String readTrxWithDescriptionOf(int length) {
        return Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX", "TransactionResult", "OK",
                "ErrorDescription", "x".repeat(length)));
    }
}
