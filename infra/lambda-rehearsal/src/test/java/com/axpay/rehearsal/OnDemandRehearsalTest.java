package com.axpay.rehearsal;

/**
 * The same rehearsal with every function's on-demand INIT ({@code AWS_LAMBDA_INITIALIZATION_TYPE=on-demand}, no
 * checkpoint): Lambda then gives the function {@code AWS_SESSION_TOKEN}, so it reads its secrets through the
 * Parameters and Secrets extension (the stand-in refuses calls before the environment's first event) and never asks
 * Secrets Manager itself. A function whose SnapStart is turned off, or a deployment without it, runs this way.
 */
class OnDemandRehearsalTest extends EveryFunctionRehearsalTest {

    @Override
    boolean snapStart() {
        return false;
    }
}
