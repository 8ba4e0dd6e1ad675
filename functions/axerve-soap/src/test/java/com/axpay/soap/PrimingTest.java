package com.axpay.soap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SnapStart priming happens at deploy time: it must never reach Axerve, and the client must work afterwards. */
class PrimingTest {

    @Test
    void primingSendsNothingAndTheClientStillAnswers() throws Exception {
        try (FakeAxerve fake = new FakeAxerve()) {
            fake.respondXml(Soap.s2s("callReadTrxS2S", Soap.fields("TransactionType", "QUERYTX",
                    "TransactionResult", "OK", "ShopTransactionID", "order-7-1", "TransactionState", "MOV")));
            AxerveClient client = AxerveClient.create(fake.config().build());

            client.prime();
            client.prime(); // a second checkpoint hook run is harmless
            assertEquals(0, fake.requests().size());

            AxerveResult r = client.callReadTrxS2S("order-7-1", null);
            assertEquals("MOV", r.transactionState());
            assertEquals(1, fake.requests().size());
        }
    }
}
