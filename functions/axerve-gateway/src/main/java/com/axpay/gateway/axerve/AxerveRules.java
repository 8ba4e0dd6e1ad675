package com.axpay.gateway.axerve;

import com.axpay.soap.CustomInfo;
import com.axpay.soap.UicCurrency;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What core's validator needs from Axerve's tables, taken from the SOAP module so they are never copied. */
public final class AxerveRules {

    private AxerveRules() {
    }

    /**
     * ISO codes Axerve takes: its UIC table without the rows it dropped from the public table in 2020 and without
     * ITL (kept only to decode old records).
     */
    public static Set<String> supportedCurrencies() {
        Set<String> iso = new TreeSet<>();
        for (UicCurrency c : UicCurrency.values()) {
            if (!c.droppedFromPublicTable() && c != UicCurrency.ITL) {
                iso.add(c.iso());
            }
        }
        return Set.copyOf(iso);
    }

    /** True for a customInfo key or value holding a character or sequence Axerve forbids. */
    public static Predicate<String> forbiddenInCustomInfo() {
        return value -> {
            try {
                CustomInfo.check("customInfo", value);
                return false;
            } catch (IllegalArgumentException forbidden) {
                return true;
            }
        };
    }
}
