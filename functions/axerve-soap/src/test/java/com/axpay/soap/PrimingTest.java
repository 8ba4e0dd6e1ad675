package com.axpay.soap;

import com.axpay.soap.transport.PrimingEndpoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SnapStart priming happens at deploy time: it must never reach Axerve, it must run the real request path (Metro,
 * JAXB, the transport, the parser), and the client must work afterwards.
 */
class PrimingTest {

    @Test
    void primingRunsTheRequestPathInsideTheJvmSendsNothingAndTheClientStillAnswers() throws Exception {
        try (FakeAxerve fake = new FakeAxerve()) {
            fake.respondXml(Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX",
                    "TransactionResult", "OK", "ShopTransactionID", "order-7-1", "TransactionState", "MOV")));
            AxerveClient client = AxerveClient.create(fake.config().apikey("real-key").build());
            int exchanges = PrimingEndpoint.exchanges();

            AxerveClient.Primed primed = client.prime();
            client.prime(); // a second checkpoint hook run is harmless

            assertEquals(List.of("PRIMING", "priming-1", "MOV", "OK", "OK", "OK", "OK", "OK"), primed.parsed(),
                    "each of the eight operations marshalled and its canned answer parsed");
            assertEquals(exchanges + 16, PrimingEndpoint.exchanges(), "each call went through the transport");
            assertEquals(0, fake.requests().size());

            AxerveResult r = client.callReadTrxS2S("order-7-1", null);
            assertEquals("MOV", r.transactionState());
            assertEquals(1, fake.requests().size());
            assertEquals(true, fake.requests().get(0).body().contains("real-key"),
                    "the real call carries the configured apikey, not priming's placeholder");
        }
    }
}
