package com.axpay.core.domain;

/** The records' one rule for their required components: a null one fails construction, naming it. */
public final class Required {

    private Required() {
    }

    /**
     * @param namesAndValues each required component's name followed by its value
     * @throws NullPointerException naming the first component that is null
     */
    public static void components(Object... namesAndValues) {
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                throw new NullPointerException((String) namesAndValues[i]);
            }
        }
    }
}
