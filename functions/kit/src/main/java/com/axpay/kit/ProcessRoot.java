package com.axpay.kit;

import com.axpay.kit.priming.HandlerPriming;

import java.util.Map;

/**
 * The one {@link FunctionRoot} of a Lambda process, built from the environment on first use (the handler's no-arg
 * constructor, i.e. during init; no secret is read then), with the one set of {@link SnapStartHooks}: every function
 * registers the same priming, then the priming of its own handler by the script its module gave
 * ({@link #primeHandlerWith}).
 */
public final class ProcessRoot {

    private static volatile HandlerPriming.Script script;

    private static final Lazy<FunctionRoot> ROOT = new Lazy<>(() -> {
        Map<String, String> env = System.getenv();
        FunctionRoot root = FunctionRoot.fromEnvironment(env);
        SnapStartHooks.register("Function",
                () -> root.prime().withHandler(HandlerPriming.run(env.get("_HANDLER"), env, script)),
                root::reconnect, root.config().secrets());
        return root;
    });

    private ProcessRoot() {
    }

    public static FunctionRoot get() {
        return ROOT.get();
    }

    /** The module's handler-priming script: which events its handlers answer before the snapshot. */
    public static void primeHandlerWith(HandlerPriming.Script moduleScript) {
        script = moduleScript;
    }
}
