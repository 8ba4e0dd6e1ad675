package com.axpay.simulator;

import java.math.BigDecimal;
import java.time.Instant;

/** One entry of a transaction's event list: AUT, MOV, CAN, REQ or STO. */
public record TransactionEvent(String type, BigDecimal amount, Instant at, String eventId) {}
