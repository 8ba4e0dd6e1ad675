package com.axpay.core.port;

import java.util.List;

/** Hands due charges to the workers (SQS in AWS and in the local stack). */
public interface ChargeQueue {

    void enqueue(List<ChargeMessage> messages);

    /** Which cycle attempt to charge; the worker re-reads everything else. */
    record ChargeMessage(String agreementId, int cycle, int attempt) {
    }
}
