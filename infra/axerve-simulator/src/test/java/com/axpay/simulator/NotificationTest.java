package com.axpay.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotificationTest extends SimTestBase {

    @Test
    void s2sNotificationCarriesTheSameResultAsTheRedirect() throws Exception {
        String location = payWith("N-1", "success");
        SimClient.await(() -> receiver.hits.size() == 1, "S2S hit");
        Receiver.Hit hit = receiver.hits.get(0);
        assertEquals("GESPAY00001", hit.a());
        assertEquals(SimClient.bOf(location), hit.b());
        SimClient.Payload p = client.decrypt(hit.b());
        assertEquals("OK", p.text("TransactionResult"));
        assertEquals("N-1", p.text("ShopTransactionID"));
        SimClient.await(() -> sim.notifications().get(0).delivered(), "delivery recorded");
        NotificationView n = sim.notifications().get(0);
        assertEquals(1, n.attempts().size());
        assertEquals(200, n.attempts().get(0).status());
    }

    @Test
    void abandonIsNotifiedToo() throws Exception {
        payWith("N-2", "abandon");
        SimClient.await(() -> receiver.hits.size() == 1, "S2S hit");
        assertEquals("1143", client.decrypt(receiver.hits.get(0).b()).text("ErrorCode"));
    }

    @Test
    void duplicatesAreSentAsIdenticalCopies() throws Exception {
        client.admin("PUT", "/_sim/notify-options", "{\"duplicates\":3}");
        payWith("N-3", "success");
        SimClient.await(() -> receiver.hits.size() == 3, "three copies");
        assertEquals(1, receiver.hits.stream().map(Receiver.Hit::b).distinct().count());
        assertEquals(List.of(1, 2, 3), sim.notifications().stream().map(NotificationView::copy).sorted().toList());
    }

    @Test
    void delayHoldsTheNotificationBack() throws Exception {
        client.admin("PUT", "/_sim/notify-options", "{\"delayMs\":300}");
        long before = System.nanoTime();
        payWith("N-4", "success");
        SimClient.await(() -> receiver.hits.size() == 1, "delayed hit");
        // a lower bound only: a busy machine makes it later, never earlier
        assertTrue(receiver.hits.get(0).nanoTime() - before >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void theRedirectDoesNotWaitForADelayedNotification() throws Exception {
        // far longer than any redirect takes, however busy the machine: the redirect arriving first is no race
        client.admin("PUT", "/_sim/notify-options", "{\"delayMs\":60000}");
        payWith("N-4b", "success");
        assertTrue(receiver.hits.isEmpty(), "the redirect does not wait for the S2S call");
    }

    @Test
    void nonSuccessAnswersAreRetriedUpToTheLimit() throws Exception {
        receiver.failFirst.set(2);
        payWith("N-5", "success");
        SimClient.await(() -> sim.notifications().get(0).delivered(), "delivery after retries");
        assertEquals(List.of(500, 500, 200),
                sim.notifications().get(0).attempts().stream().map(NotificationView.Attempt::status).toList());

        client.admin("PUT", "/_sim/notify-options", "{\"maxAttempts\":3}");
        receiver.failFirst.set(100);
        payWith("N-6", "success");
        SimClient.await(() -> sim.notifications().size() == 2 && sim.notifications().get(1).attempts().size() == 3,
                "three failed attempts");
        Thread.sleep(200); // a fourth attempt would be due after 50 ms
        assertEquals(3, sim.notifications().get(1).attempts().size());
        assertFalse(sim.notifications().get(1).delivered());
        var json = client.admin("GET", "/_sim/notifications", null).body();
        assertTrue(json.contains("\"attempt\":3") && json.contains("\"status\":500"));
    }

    @Test
    void pendingOkSendsXxThenOk() throws Exception {
        String location = payWith("N-7", "pending-ok");
        assertEquals("XX", client.decrypt(SimClient.bOf(location)).text("TransactionResult"));
        SimClient.await(() -> receiver.hits.size() == 2, "XX and final");
        assertEquals("XX", client.decrypt(receiver.hits.get(0).b()).text("TransactionResult"));
        SimClient.Payload last = client.decrypt(receiver.hits.get(1).b());
        assertEquals("OK", last.text("TransactionResult"));
        assertEquals("MOV", client.call("callReadTrxS2S", "shopLogin", "GESPAY00001", "shopTransactionId", "N-7")
                .text("TransactionState"));
    }

    @Test
    void pendingKoSendsXxThenKo() throws Exception {
        payWith("N-8", "pending-ko");
        SimClient.await(() -> receiver.hits.size() == 2, "XX and final");
        assertEquals("XX", client.decrypt(receiver.hits.get(0).b()).text("TransactionResult"));
        SimClient.Payload last = client.decrypt(receiver.hits.get(1).b());
        assertEquals("KO", last.text("TransactionResult"));
        assertEquals("74", last.text("ErrorCode"));
    }

    @Test
    void reorderSendsTheFinalResultBeforeTheXx() throws Exception {
        client.admin("PUT", "/_sim/notify-options", "{\"reorder\":true}");
        payWith("N-9", "pending-ok");
        SimClient.await(() -> receiver.hits.size() == 2, "both notifications");
        assertEquals("OK", client.decrypt(receiver.hits.get(0).b()).text("TransactionResult"));
        assertEquals("XX", client.decrypt(receiver.hits.get(1).b()).text("TransactionResult"));
    }
}
