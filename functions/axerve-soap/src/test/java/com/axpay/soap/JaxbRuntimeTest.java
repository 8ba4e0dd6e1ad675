package com.axpay.soap;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Metro runs on org.glassfish.jaxb:jaxb-runtime (the product card's JAXB), with com.sun.xml.bind excluded. */
class JaxbRuntimeTest {
    @Test
    void glassfishJaxbRuntimeIsTheImplementation() {
        for (var context : java.util.List.of(WireContext.crypt(), WireContext.s2s())) {
            String impl = context.getClass().getName();
            assertTrue(impl.startsWith("org.glassfish.jaxb.runtime."), impl);
        }
        assertThrows(ClassNotFoundException.class, () -> Class.forName("com.sun.xml.bind.v2.ContextFactory"));
    }
}
