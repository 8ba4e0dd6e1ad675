package com.axpay.kit;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value built once, on first use, by whichever thread asks first; the process-wide wirings use it. A factory that
 * throws leaves it unbuilt, so the error (a bad setting, named) reaches Lambda's init error as it is, not wrapped.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> factory;
    private volatile T value;

    public Lazy(Supplier<T> factory) {
        this.factory = Objects.requireNonNull(factory);
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) {
                    v = Objects.requireNonNull(factory.get());
                    value = v;
                }
            }
        }
        return v;
    }
}
