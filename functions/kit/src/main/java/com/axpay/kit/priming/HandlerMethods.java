package com.axpay.kit.priming;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Lambda's Java runtime client calls the handler method through core reflection; on the first call the JDK builds
 * that method's accessor (method handles and their generated forms), a few milliseconds in the first invocation
 * after a restore. Priming builds it before the snapshot, without running the handler: the instance method is
 * invoked with no receiver, which fails before its body (the accessor is made first and kept on the method, which
 * the runtime client's copy shares).
 */
public final class HandlerMethods {

    private HandlerMethods() {
    }

    /**
     * @param handler Lambda's {@code _HANDLER}: {@code package.Class::method} (or a class alone: handleRequest)
     * @return how many instance methods of that name had their accessor built (0 when the class is not found)
     */
    public static int prepare(String handler, ClassLoader loader) {
        if (handler == null || handler.isBlank()) {
            return 0;
        }
        int sep = handler.indexOf("::");
        String className = sep < 0 ? handler.strip() : handler.substring(0, sep).strip();
        String methodName = sep < 0 ? "handleRequest" : handler.substring(sep + 2).strip();
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return 0;
        }
        int prepared = 0;
        for (Method m : type.getMethods()) {
            if (!m.getName().equals(methodName) || Modifier.isStatic(m.getModifiers()) || m.isBridge()) {
                continue;
            }
            try {
                m.setAccessible(true); // skips the access check, which would need a receiver
                m.invoke(null, new Object[m.getParameterCount()]);
            } catch (NullPointerException | IllegalArgumentException | InvocationTargetException expected) {
                // no receiver: refused after the accessor was built, before the method's body
            } catch (IllegalAccessException | RuntimeException e) {
                continue;
            }
            prepared++;
        }
        return prepared;
    }
}
