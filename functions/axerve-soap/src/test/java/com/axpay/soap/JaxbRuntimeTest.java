package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Metro runs on org.glassfish.jaxb:jaxb-runtime (the product card's JAXB), with com.sun.xml.bind excluded. */
class JaxbRuntimeTest {
    @Test
    void glassfishJaxbRuntimeIsTheImplementation() {
        for (var context : AxerveOperation.Service.values()) {
            String impl = WireContext.of(context).getClass().getName();
            assertTrue(impl.startsWith("org.glassfish.jaxb.runtime."), impl);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.xml.bind.v2.ContextFactory"));
    }
}
