package com.axpay.soap.wire.crypt;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** Decrypt request: note the capital C of {@code CryptedString}. */
@XmlRootElement(name = "Decrypt")
@XmlType(propOrder = {"shopLogin", "cryptedString", "apikey"})
public class Decrypt {
    private String shopLogin;
    @XmlElement(name = "CryptedString")
    private String cryptedString;
    private String apikey;

    protected Decrypt() {
    }

    public Decrypt(String shopLogin, String cryptedString, String apikey) {
        this.shopLogin = shopLogin;
        this.cryptedString = cryptedString;
        this.apikey = apikey;
    }
}
