/**
 * JAXB shapes of the WSs2s service (namespace {@code https://ecomms2s.sella.it/}). Element names, case and
 * order follow Axerve's WSDL; unset (null) fields are not emitted.
 */
@XmlSchema(namespace = "https://ecomms2s.sella.it/", elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package com.axpay.soap.wire.s2s;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
