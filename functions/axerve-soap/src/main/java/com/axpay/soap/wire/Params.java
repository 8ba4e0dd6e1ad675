package com.axpay.soap.wire;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The content of any Axerve element, as a list of elements: one JAXB type for every request and response, so the
 * operations are described by data (the client's operation table) instead of a class each. Outgoing, the children
 * are {@code JAXBElement}s (name and text, or a nested {@code Params}); incoming, they arrive as DOM elements.
 */
@XmlType(name = "")
@XmlAccessorType(XmlAccessType.FIELD)
public final class Params {
    @XmlAnyElement(lax = true)
    private List<Object> content = new ArrayList<>();

    Params() {
    }

    public Params(List<?> children) {
        content.addAll(children);
    }

    /** The first child element with that local name in that namespace, or null. */
    public Element child(String ns, String localName) {
        for (Object o : content) {
            if (o instanceof Element e && localName.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }
}
