package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.axpay.soap.AxerveTransportException.Reason;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** One client shared by several threads: every caller gets the answer to its own request. */
class ConcurrencyTest {
    @Test
    void parallelCallsOnOneClientDoNotMixUp() throws Exception {
        try (FakeAxerve fake = new FakeAxerve()) {
            // the fake echoes the request's shopTransactionId and operation, so a mix-up would show
            fake.respond(req -> {
                Element op = Xml.operation(req.body());
                String id = Xml.childText(op, "shopTransactionId");
                String name = op.getLocalName();
                return FakeAxerve.xml(Soap.s2s(name, Soap.fields("TransactionType", name, "TransactionResult", "OK",
                        "ShopTransactionID", id, "BankTransactionID", id.replace("ord-", ""))));
            });
            AxerveClient client = AxerveClient.create(fake.config().build());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<String>> results = new ArrayList<>();
                for (int i = 0; i < 120; i++) {
                    String id = "ord-" + i;
                    boolean read = i % 2 == 0;
                    results.add(pool.submit(() -> {
                        AxerveResult r = read ? client.callReadTrxS2S(id, null)
                                : client.callPagamS2S(PagamRequest.builder().uicCode("242").amount("1.00")
                                        .shopTransactionId(id).tokenValue("T").build());
                        return r.transactionType() + "/" + r.shopTransactionId() + "/" + r.bankTransactionId();
                    }));
                }
                for (int i = 0; i < results.size(); i++) {
                    String expectedOp = i % 2 == 0 ? "callReadTrxS2S" : "callPagamS2S";
                    assertEquals(expectedOp + "/ord-" + i + "/" + i, results.get(i).get(20, TimeUnit.SECONDS));
                }
                assertEquals(120, fake.requests().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** Metro copies the transport per concurrent caller; every copy must keep the response limit. */
    @Test
    void responseLimitHoldsOnEveryConcurrentCall() throws Exception {
        try (FakeAxerve fake = new FakeAxerve()) {
            fake.respondXml(Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX", "TransactionResult",
                    "OK", "ErrorDescription", "x".repeat(4000))));
            AxerveClient client = AxerveClient.create(fake.config().maxResponseBytes(2048).build());
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Reason>> results = new ArrayList<>();
                for (int i = 0; i < 30; i++) {
                    results.add(pool.submit(() -> assertThrows(AxerveTransportException.class,
                            () -> client.callReadTrxS2S("ord-x", null)).reason()));
                }
                for (Future<Reason> f : results) {
                    assertEquals(Reason.OVERSIZED_RESPONSE, f.get(20, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
