package com.axpay.core.agreement;

/** Soft declines may succeed on a later try; hard declines need the buyer to act before any new charge. */
public enum DeclineClass { SOFT, HARD }
