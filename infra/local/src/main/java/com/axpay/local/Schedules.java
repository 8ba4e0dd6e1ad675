package com.axpay.local;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The template's {@code Schedule}/{@code ScheduleV2} events: {@code rate(...)} expressions on timers, and any schedule
 * fired on demand. The function gets what EventBridge would send: the "Scheduled Event" envelope, or the event's
 * {@code Input} when one is configured, converted to the handler's input type.
 */
final class Schedules implements AutoCloseable {

    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)");

    private final List<SamTemplate.Schedule> schedules;
    private final Map<String, LambdaFunction> functions;
    private final String region;
    private final PrintStream log;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "schedules");
        t.setDaemon(true);
        return t;
    });

    Schedules(List<SamTemplate.Schedule> schedules, Map<String, LambdaFunction> functions, String region,
              PrintStream log) {
        this.schedules = List.copyOf(schedules);
        this.functions = functions;
        this.region = region;
        this.log = log;
    }

    /** The period of a {@code rate(...)} expression; empty for {@code cron(...)} and anything else. */
    static Optional<Duration> period(String expression) {
        Matcher m = RATE.matcher(expression.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (n <= 0 || (n == 1) != !unit.endsWith("s")) {
            return Optional.empty(); // EventBridge rejects rate(0 ...), rate(1 minutes) and rate(5 minute)
        }
        return Optional.of(unit.startsWith("minute") ? Duration.ofMinutes(n)
                : unit.startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n));
    }

    /** Puts every enabled rate schedule on a timer; the first run is one period after start, as EventBridge does. */
    void start() {
        for (SamTemplate.Schedule s : schedules) {
            Optional<Duration> period = period(s.expression());
            if (!s.enabled()) {
                log.printf("[schedule] %s/%s %s is disabled in the template%n", s.functionId(), s.eventName(),
                        s.expression());
            } else if (period.isEmpty()) {
                log.printf("[schedule] %s/%s %s has no local timer (only rate(...) is timed); fire it with "
                        + "POST /_local/schedules/%s%n", s.functionId(), s.eventName(), s.expression(), s.functionId());
            } else {
                long ms = period.get().toMillis();
                timers.scheduleAtFixedRate(() -> fireLogged(s), ms, ms, TimeUnit.MILLISECONDS);
            }
        }
    }

    List<SamTemplate.Schedule> all() {
        return schedules;
    }

    /** The function's schedule (the named event, or its first one). */
    Optional<SamTemplate.Schedule> find(String functionId, String eventName) {
        return schedules.stream()
                .filter(s -> s.functionId().equals(functionId)
                        && (eventName == null || s.eventName().equals(eventName)))
                .findFirst();
    }

    /** Invokes the schedule's function now; returns what the handler returned. */
    Object fire(SamTemplate.Schedule s) throws LambdaFunction.InvocationException {
        LambdaFunction function = functions.get(s.functionId());
        long start = System.nanoTime();
        String outcome = "error";
        try {
            Object result = function.invoke(() -> event(s, function.inputType()));
            outcome = "ok";
            return result;
        } finally {
            log.printf("[schedule] %s/%s %s -> %s %d ms%n", s.functionId(), s.eventName(), s.expression(), outcome,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private void fireLogged(SamTemplate.Schedule s) {
        try {
            fire(s);
        } catch (LambdaFunction.InvocationException | RuntimeException e) {
            // already logged; the timer must keep running, as EventBridge keeps firing
        }
    }

    private Object event(SamTemplate.Schedule s, Class<?> inputType) {
        try {
            if (s.input() != null) {
                return inputType == String.class ? s.input() : Json.MAPPER.readValue(s.input(), inputType);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("schedule " + s.eventName() + ": Input is not JSON for "
                    + inputType.getName(), e);
        }
        String id = UUID.randomUUID().toString();
        String ruleArn = "arn:aws:events:" + region + ":" + Intrinsics.ACCOUNT_ID + ":rule/" + s.functionId() + "-"
                + s.eventName();
        if (inputType.isAssignableFrom(ScheduledEvent.class)) {
            return new ScheduledEvent().withVersion("0").withId(id).withDetailType("Scheduled Event")
                    .withSource("aws.events").withAccount(Intrinsics.ACCOUNT_ID).withRegion(region)
                    .withTime(DateTime.now(DateTimeZone.UTC).withMillisOfSecond(0))
                    .withResources(List.of(ruleArn)).withDetail(new HashMap<>());
        }
        Map<String, Object> envelope = Map.of("version", "0", "id", id, "detail-type", "Scheduled Event",
                "source", "aws.events", "account", Intrinsics.ACCOUNT_ID, "region", region,
                "time", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                "resources", List.of(ruleArn), "detail", Map.of());
        return Json.MAPPER.convertValue(envelope, inputType);
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
