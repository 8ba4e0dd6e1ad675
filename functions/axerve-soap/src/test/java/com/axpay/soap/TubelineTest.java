package com.axpay.soap;

import com.axpay.soap.transport.ClientTubelineFactory;
import com.sun.xml.ws.api.BindingID;
import com.sun.xml.ws.api.pipe.TubelineAssembler;
import com.sun.xml.ws.api.pipe.TubelineAssemblerFactory;
import com.sun.xml.ws.util.pipe.StandaloneTubeAssembler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Metro finds the module's tubeline factory through META-INF/services, so no Dispatch reads Metro's configuration
 * file (a cold-start cost); what the tubeline does on the wire is pinned by the request and transport tests.
 */
class TubelineTest {

    @Test
    void metroBuildsTheClientTubelineInCodeNotFromItsConfigurationFile() {
        TubelineAssembler assembler = TubelineAssemblerFactory.create(ClientTubelineFactory.class.getClassLoader(),
                BindingID.SOAP11_HTTP);
        assertInstanceOf(StandaloneTubeAssembler.class, assembler,
                "META-INF/services/com.sun.xml.ws.api.pipe.TubelineAssemblerFactory is not registered");
    }
}
