/**
 * JAXB shapes of the WSCryptDecrypt service (namespace {@code https://ecomm.sella.it/}). Element names, case and
 * order follow Axerve's WSDL; unset (null) fields are not emitted.
 */
@XmlSchema(namespace = "https://ecomm.sella.it/", elementFormDefault = XmlNsForm.QUALIFIED)
@XmlAccessorType(XmlAccessType.FIELD)
package com.axpay.soap.wire.crypt;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
