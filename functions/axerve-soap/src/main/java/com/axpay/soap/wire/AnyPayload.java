package com.axpay.soap.wire;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The {@code xs:any} (mixed) content of every Axerve {@code *Result} element, kept as DOM. */
@XmlAccessorType(XmlAccessType.FIELD)
public class AnyPayload {
    @XmlMixed
    @XmlAnyElement
    private List<Object> content = new ArrayList<>();

    /** The first child element (GestPayCryptDecrypt / GestPayS2S), or null when there is none. */
    public Element firstElement() {
        for (Object o : content) {
            if (o instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
