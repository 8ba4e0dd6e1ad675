package com.axpay.local;

import com.amazonaws.services.lambda.runtime.Context;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * One function of the template, run as Lambda runs it: the handler class from the function's own code, an instance
 * per concurrent invocation (a new one is a cold start: its constructor runs; idle ones are reused, warm), the
 * thread's context class loader set to the function's loader, and a fresh {@link Context} per call.
 */
public final class LambdaFunction {

    private final SamTemplate.FunctionDef definition;
    private final String region;
    private final PrintStream out;
    private final URLClassLoader loader;
    private final Class<?> handlerClass;
    private final Method method;
    private final Deque<Object> idle = new ConcurrentLinkedDeque<>();
    /** Set in process mode: every invocation goes to a JVM of the function's own instead of this one. */
    private volatile ProcessFunctions processes;

    LambdaFunction(SamTemplate.FunctionDef definition, String region, PrintStream out) {
        this.definition = definition;
        this.region = region;
        this.out = out;
        this.loader = FunctionClassLoaders.forCode(definition.logicalId(), definition.codeUri());
        try {
            this.handlerClass = Class.forName(definition.handlerClass(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("function " + definition.logicalId() + ": handler class "
                    + definition.handlerClass() + " is not in " + definition.codeUri(), e);
        }
        this.method = handlerMethod(handlerClass, definition.handlerMethod(), definition.logicalId());
    }

    public String id() {
        return definition.logicalId();
    }

    public int timeoutSeconds() {
        return definition.timeoutSeconds();
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    /** The type the handler takes as its event (never a bridge method's {@code Object} when a typed one exists). */
    public Class<?> inputType() {
        return method.getParameterTypes()[0];
    }

    /** What a handler failure looks like to a caller: Lambda's errorType and errorMessage. */
    public static final class InvocationException extends Exception {
        private final String errorType;

        InvocationException(String functionId, Throwable cause) {
            super(functionId + " failed: " + cause, cause);
            this.errorType = cause.getClass().getName();
        }

        /** A failure reported by the function's own JVM (process mode): Lambda's errorType and errorMessage. */
        InvocationException(String functionId, String errorType, String errorMessage) {
            super(functionId + " failed: " + errorType + ": " + errorMessage,
                    new RuntimeException(errorMessage, null, false, false) { });
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }

        public String errorMessage() {
            return String.valueOf(getCause().getMessage());
        }
    }

    /** Invokes the handler with the event built for its input type; returns what the handler returned. */
    public Object invoke(Supplier<Object> event) throws InvocationException {
        ProcessFunctions p = processes;
        if (p != null) {
            return p.invoke(this, event.get(), method.getReturnType());
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        Object instance = null;
        try {
            instance = acquire();
            Context context = new LocalContext(id(), UUID.randomUUID().toString(), definition.timeoutSeconds(),
                    512, region, out);
            Object[] args = method.getParameterCount() == 2 ? new Object[] {event.get(), context}
                    : new Object[] {event.get()};
            return method.invoke(Modifier.isStatic(method.getModifiers()) ? null : instance, args);
        } catch (InvocationTargetException e) {
            throw failed(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw failed(e);
        } finally {
            if (instance != null) {
                idle.push(instance);
            }
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Lambda's init phase, now: constructs the handler (whose wiring reads and checks the function's settings) and
     * keeps it warm for the first call, so a wrong setting stops the stack before it says ready.
     *
     * @throws InvocationException the handler could not be constructed; its message names the setting
     */
    void init() throws InvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            idle.push(acquire());
        } catch (InvocationTargetException e) {
            throw new InvocationException(id(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            throw new InvocationException(id(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private InvocationException failed(Throwable cause) {
        // Lambda writes an unhandled error to the function's log
        out.println("[" + id() + "] unhandled " + cause);
        cause.printStackTrace(out);
        return new InvocationException(id(), cause);
    }

    private Object acquire() throws ReflectiveOperationException {
        Object warm = idle.poll();
        if (warm != null) {
            return warm;
        }
        long start = System.nanoTime();
        Object created = handlerClass.getDeclaredConstructor().newInstance();
        out.printf("[%s] cold start: %s constructed in %d ms%n", id(), handlerClass.getSimpleName(),
                (System.nanoTime() - start) / 1_000_000);
        return created;
    }

    private static Method handlerMethod(Class<?> type, String name, String functionId) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge())
                .filter(m -> m.getParameterCount() == 1 || (m.getParameterCount() == 2
                        && m.getParameterTypes()[1].getName().equals(Context.class.getName())))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new IllegalStateException("function " + functionId + ": no public method "
                        + name + "(event[, Context]) in " + type.getName()));
    }

    void runIn(ProcessFunctions processes) {
        this.processes = processes;
    }

    void close() {
        idle.clear();
        try {
            loader.close();
        } catch (java.io.IOException e) {
            out.println("[" + id() + "] closing its class loader: " + e);
        }
    }
}
