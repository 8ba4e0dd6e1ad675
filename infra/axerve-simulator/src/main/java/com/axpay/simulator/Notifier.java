package com.axpay.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends Axerve's server-to-server notification, {@code GET <s2s-url>?a=<shopLogin>&b=<encrypted result>}, on
 * background threads, independently of the browser redirect. Delay, duplicates, reordering and retries follow
 * {@link NotifyOptions}; every attempt is recorded.
 */
final class Notifier implements AutoCloseable {
    /** One result to deliver. */
    record Message(String shopLogin, String shopTransactionId, String result, String url, String b) {}

    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());
    private final AtomicReference<NotifyOptions> options;
    private final ExecutorService senders = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1000), Threads.daemon("s2s-sender"), new ThreadPoolExecutor.DiscardPolicy());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    Notifier(NotifyOptions initial) {
        this.options = new AtomicReference<>(initial);
    }

    NotifyOptions options() { return options.get(); }

    void options(NotifyOptions v) { options.set(v); }

    /** Delivers the messages one after the other (in list order), in as many concurrent copies as configured. */
    void send(List<Message> messages) {
        List<Message> deliverable = messages.stream().filter(m -> m.url() != null && !m.url().isBlank()).toList();
        if (deliverable.isEmpty()) return;
        NotifyOptions o = options.get();
        for (int copy = 1; copy <= o.duplicates(); copy++) {
            List<Record> chain = new ArrayList<>();
            for (Message m : deliverable) {
                Record r = new Record(ids.incrementAndGet(), m, copy);
                records.add(r);
                chain.add(r);
            }
            senders.execute(() -> deliverChain(chain, o));
        }
    }

    private void deliverChain(List<Record> chain, NotifyOptions o) {
        try {
            Thread.sleep(o.delayMs());
            for (Record r : chain) deliver(r, o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliver(Record r, NotifyOptions o) throws InterruptedException {
        URI uri = URI.create(r.message.url() + (r.message.url().contains("?") ? "&" : "?")
                + "a=" + URLEncoder.encode(r.message.shopLogin(), StandardCharsets.UTF_8)
                + "&b=" + URLEncoder.encode(r.message.b(), StandardCharsets.UTF_8));
        for (int attempt = 1; attempt <= o.maxAttempts(); attempt++) {
            if (attempt > 1) Thread.sleep(o.retryIntervalMs());
            int status = 0;
            String error = null;
            try {
                HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
                status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                error = e.getClass().getSimpleName();
            }
            r.attempts.add(new NotificationView.Attempt(attempt, status, error, Instant.now()));
            LOG.log(System.Logger.Level.INFO, "S2S notification {0} (copy {1}, result {2}) attempt {3}/{4}: {5}",
                    r.id, r.copy, r.message.result(), attempt, o.maxAttempts(), error != null ? error : "HTTP " + status);
            if (status >= 200 && status < 300) {
                r.delivered = true;
                return;
            }
        }
    }

    List<NotificationView> views() {
        return records.stream().map(Record::view).toList();
    }

    void clear() { records.clear(); }

    @Override
    public void close() {
        senders.shutdownNow();
    }

    private static final class Record {
        final long id;
        final Message message;
        final int copy;
        final List<NotificationView.Attempt> attempts = new CopyOnWriteArrayList<>();
        volatile boolean delivered;

        Record(long id, Message message, int copy) {
            this.id = id;
            this.message = message;
            this.copy = copy;
        }

        NotificationView view() {
            return new NotificationView(id, message.shopLogin(), message.shopTransactionId(), message.result(),
                    message.url(), message.b(), copy, delivered, List.copyOf(attempts));
        }
    }
}
