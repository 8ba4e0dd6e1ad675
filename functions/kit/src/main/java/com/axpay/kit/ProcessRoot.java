package com.axpay.kit;

/**
 * The one {@link FunctionRoot} of a Lambda process, built from the environment on first use (the handler's no-arg
 * constructor, i.e. during init; no secret is read then), with the one set of {@link SnapStartHooks}: every function
 * that calls Axerve registers the same priming.
 */
public final class ProcessRoot {

    private static final Lazy<FunctionRoot> ROOT = new Lazy<>(() -> {
        FunctionRoot root = FunctionRoot.fromEnvironment(System.getenv());
        SnapStartHooks.register("Function", root::prime, root::reconnect, root.config().secrets());
        return root;
    });

    private ProcessRoot() {
    }

    public static FunctionRoot get() {
        return ROOT.get();
    }
}
