package com.axpay.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One class loader per function, over the function's own {@code CodeUri} (the deployable jar or a classes folder),
 * as Lambda runs each function in its own runtime: the handler sees its own dependencies and statics, never the
 * stack's (DynamoDB Local, Jetty, log4j). Only the JDK and the Lambda types that cross the boundary (events, context,
 * joda-time for {@code ScheduledEvent}) come from the stack.
 */
final class FunctionClassLoaders {

    private static final ClassLoader SHARED = new SharedTypes(FunctionClassLoaders.class.getClassLoader());

    private FunctionClassLoaders() {
    }

    static URLClassLoader forCode(String functionId, Path codeUri) {
        if (!Files.exists(codeUri)) {
            throw new IllegalStateException("function " + functionId + ": CodeUri " + codeUri
                    + " does not exist (build it: infra/local/run --rebuild)");
        }
        try {
            return new URLClassLoader("function:" + functionId, new URL[] {codeUri.toUri().toURL()}, SHARED);
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException("bad CodeUri " + codeUri, e));
        }
    }

    /** The platform loader plus the shared Lambda types, taken from the stack's own class path. */
    private static final class SharedTypes extends ClassLoader {
        private final ClassLoader stack;

        SharedTypes(ClassLoader stack) {
            super("lambda-shared-types", ClassLoader.getPlatformClassLoader());
            this.stack = stack;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("com.amazonaws.services.lambda.runtime.") || name.startsWith("org.joda.time.")) {
                return stack.loadClass(name);
            }
            throw new ClassNotFoundException(name);
        }
    }
}
