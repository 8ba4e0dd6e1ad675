package com.axpay.kit.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/** What the Lambda runtime reads off a handler class: the input and output types of its RequestHandler. */
public final class HandlerTypes {

    private HandlerTypes() {
    }

    /** The type arguments of the RequestHandler that {@code type} or one of its superclasses implements. */
    public static Type[] requestHandlerArguments(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new AssertionError(type + " does not implement RequestHandler");
    }
}
