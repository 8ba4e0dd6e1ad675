package com.axpay.kit;

import com.axpay.kit.config.Secret;
import com.axpay.kit.log.JsonLog;
import com.axpay.kit.priming.HandlerMethods;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The SnapStart hooks of a function's process, registered the same way by every function (payments and recurring
 * jars) with CRaC's global context, which the Lambda runtime client runs around the snapshot:
 * <ul>
 *   <li>before the checkpoint: drop any cached secret (none goes into the snapshot), then prime: load and run the
 *   first request's path (the SOAP client's marshalling and parsing inside the JVM, a DynamoDB read), sending nothing
 *   to Axerve and writing nothing. A priming failure is logged and the snapshot is taken anyway: an unprimed
 *   function is slower on its first request, a failed checkpoint would fail the deploy. Then the handler method's
 *   reflective accessor, which the runtime client would otherwise build on the first call ({@link HandlerMethods}),
 *   and a collection, so the snapshot holds what is live and the first invocation after a restore does not collect
 *   priming's garbage;</li>
 *   <li>after the restore: drop cached secrets again, so each restored copy reads the current (possibly rotated)
 *   values on its first invocation; then reconnect (the function's own harmless read, so the first invocation does
 *   not open the connection). A reconnect failure is logged: the first invocation connects itself.</li>
 * </ul>
 */
public final class SnapStartHooks implements Resource {

    /** CRaC holds resources weakly: this list keeps the hooks alive for the life of the process. */
    private static final List<SnapStartHooks> REGISTERED = new CopyOnWriteArrayList<>();

    private final JsonLog log;
    private final Supplier<?> prime;
    private final Runnable reconnect;
    private final List<Secret> secrets;
    private volatile Object lastPrimed;

    SnapStartHooks(String function, Supplier<?> prime, Runnable reconnect, List<Secret> secrets) {
        this.log = new JsonLog(function);
        this.prime = Objects.requireNonNull(prime);
        this.reconnect = Objects.requireNonNull(reconnect);
        this.secrets = List.copyOf(secrets);
    }

    /**
     * Registers the hooks of a process's wiring.
     *
     * @param prime runs the first request's path; its result (what was exercised) is kept for tests
     */
    public static SnapStartHooks register(String function, Supplier<?> prime, List<Secret> secrets) {
        return register(function, prime, () -> { }, secrets);
    }

    /**
     * Registers the hooks of a process's wiring.
     *
     * @param prime     runs the first request's path; its result (what was exercised) is kept for tests
     * @param reconnect after a restore: reopens the connections the first invocation would open (no side effect)
     */
    public static SnapStartHooks register(String function, Supplier<?> prime, Runnable reconnect,
                                          List<Secret> secrets) {
        SnapStartHooks hooks = new SnapStartHooks(function, prime, reconnect, secrets);
        REGISTERED.add(hooks);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        secrets.forEach(Secret::forget);
        long start = System.nanoTime();
        try {
            lastPrimed = prime.get();
            log.info("primed for the snapshot").latencyMs((System.nanoTime() - start) / 1_000_000).write();
        } catch (RuntimeException e) {
            lastPrimed = null;
            log.warn("priming failed, snapshot taken unprimed").exception(e)
                    .latencyMs((System.nanoTime() - start) / 1_000_000).write();
        }
        secrets.forEach(Secret::forget); // in case priming touched one
        HandlerMethods.prepare(System.getenv("_HANDLER"), SnapStartHooks.class.getClassLoader());
        // priming's garbage out of the snapshot: else the first invocation after a restore may start by collecting it
        System.gc();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        secrets.forEach(Secret::forget);
        long start = System.nanoTime();
        try {
            reconnect.run();
            log.info("reconnected after the restore").latencyMs((System.nanoTime() - start) / 1_000_000).write();
        } catch (RuntimeException e) {
            log.warn("reconnect after the restore failed").exception(e)
                    .latencyMs((System.nanoTime() - start) / 1_000_000).write();
        }
    }

    /** What the last priming exercised, or null when it has not run or failed. */
    public Object lastPrimed() {
        return lastPrimed;
    }
}
