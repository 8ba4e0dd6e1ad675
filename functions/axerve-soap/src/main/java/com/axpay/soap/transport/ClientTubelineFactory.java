package com.axpay.soap.transport;

import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.pipe.TubelineAssembler;
import com.sun.xml.ws.api.pipe.TubelineAssemblerFactory;
import com.sun.xml.ws.util.pipe.StandaloneTubeAssembler;

/**
 * Registered in META-INF/services; Metro asks it for the tubeline of every Dispatch. Without it Metro falls back to
 * its configurable assembler, which on the first Dispatch of a process builds a JAXB context and parses its own
 * default configuration file (metro-default.xml) to learn the tubeline, and re-reads the configuration for each
 * further Dispatch. This client uses none of what that file can configure (no WS-Security, reliable messaging or
 * policy-driven tubes: those need Metro's WSIT modules, which are not on the class path), so Metro's own
 * code-built assembler gives the same client tubeline: transport (ours, {@link BoundedTransportTubeFactory}), then
 * must-understand, handler, and the dump, addressing and validation tubes only where a feature or property asks
 * for them. Measured: about 120 ms less on the first Dispatch, 15 ms less on each further one (bench/README.md).
 */
public final class ClientTubelineFactory extends TubelineAssemblerFactory {
    @Override
    public TubelineAssembler doCreate(BindingID bindingId) {
        return new StandaloneTubeAssembler();
    }
}
