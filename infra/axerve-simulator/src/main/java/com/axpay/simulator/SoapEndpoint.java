package com.axpay.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * HTTP side of one ASMX service: WSDL on GET ?wsdl, SOAP 1.1 and 1.2 on POST with action/body dispatch, and fault
 * injection. Delayed answers are written from a timer thread so a held response never occupies a server thread.
 */
final class SoapEndpoint {
    private static final String XML = "text/xml; charset=utf-8";
    private static final long OVERSIZED_BYTES = 20L * 1024 * 1024;
    private static final System.Logger LOG = System.getLogger(SoapEndpoint.class.getName());

    private final SoapService service;
    private final Faults faults;
    private final ScheduledExecutorService timers;
    private final String wsdlTemplate;

    SoapEndpoint(SoapService service, Faults faults, ScheduledExecutorService timers) {
        this.service = service;
        this.faults = faults;
        this.timers = timers;
        this.wsdlTemplate = loadWsdl(service.wsdlResource());
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String query = ex.getRequestURI().getRawQuery();
        if ("GET".equals(method) && query != null && query.toLowerCase(Locale.ROOT).startsWith("wsdl")) {
            String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1");
            Http.send(ex, 200, XML, wsdlTemplate.replace("{{ADDRESS}}", "http://" + host + ex.getRequestURI().getPath()));
            return;
        }
        if (!"POST".equals(method)) {
            Http.send(ex, 405, "text/plain; charset=utf-8", "Use POST for SOAP or GET ?wsdl");
            return;
        }
        byte[] body = Http.readBody(ex);
        if (body == null) {
            Http.send(ex, 413, "text/plain; charset=utf-8", "Request body too large");
            return;
        }
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        SoapVersion version = SoapVersion.ofContentType(contentType);
        SoapRequest req;
        try {
            if (version == null) {
                // ASMX only takes SOAP here; anything else is the client's error, told in SOAP 1.1
                throw new SoapFaultException("Client", "Server was unable to process request. ---> Content type "
                        + SoapVersion.mediaType(contentType) + " is not supported; expected text/xml (SOAP 1.1)"
                        + " or application/soap+xml (SOAP 1.2).");
            }
            req = SoapRequest.parse(body, version);
            String action = version == SoapVersion.SOAP11 ? ex.getRequestHeaders().getFirst("SOAPAction")
                    : SoapVersion.actionParameter(contentType);
            checkDispatch(req, version, action);
        } catch (SoapFaultException e) {
            SoapVersion v = version == null ? SoapVersion.SOAP11 : version;
            Http.send(ex, 500, v.contentType, v.fault(e.faultCode, e.getMessage()));
            return;
        }
        String callerIp = Http.callerIp(ex);
        Optional<FaultRule> fault = faults.take(req.param("shopLogin"), req.operation);
        if (fault.isEmpty()) {
            Http.send(ex, 200, version.contentType, answer(version, req, callerIp));
            return;
        }
        inject(ex, version, fault.get(), req, callerIp);
    }

    /**
     * SOAP 1.1 needs the SOAPAction header (ASMX routes on it: missing or empty is a soap:Client fault); SOAP 1.2 makes
     * the action parameter optional, so without it the body element decides. Either way a given action must match it.
     */
    private void checkDispatch(SoapRequest req, SoapVersion version, String actionValue) throws SoapFaultException {
        String action = actionValue == null ? "" : actionValue.trim().replace("\"", "");
        if (action.isEmpty() && version == SoapVersion.SOAP11) {
            throw new SoapFaultException("Client", "Server did not recognize the value of HTTP Header SOAPAction: .");
        }
        boolean known = service.namespace().equals(req.namespace) && service.operations().contains(req.operation);
        if (!action.isEmpty() && !action.equals(service.namespace() + req.operation)) {
            throw new SoapFaultException("Client",
                    "Server did not recognize the value of HTTP Header SOAPAction: " + action + ".");
        }
        if (!known) {
            throw new SoapFaultException("Client", "Server did not recognize the value of HTTP Header SOAPAction: "
                    + (action.isEmpty() ? req.namespace + req.operation : action) + ".");
        }
    }

    private String answer(SoapVersion v, SoapRequest req, String callerIp) {
        return SoapResponses.result(v, req.operation, service.namespace(), service.invoke(req, callerIp));
    }

    private void inject(HttpExchange ex, SoapVersion v, FaultRule f, SoapRequest req, String callerIp)
            throws IOException {
        String xml = v.contentType;
        LOG.log(System.Logger.Level.INFO, "injecting fault {0} #{1} into {2}", f.kind(), f.id(), req.operation);
        switch (f.kind()) {
            case "http500" -> Http.send(ex, 500, "text/html; charset=utf-8", SoapResponses.iisServerError());
            case "soapFault" -> Http.send(ex, 500, xml, v.fault("Server",
                    "Server was unable to process request. ---> Simulated fault."));
            case "malformed" -> Http.send(ex, 200, xml,
                    SoapResponses.resultStart(v, req.operation, service.namespace(), service.payloadName())
                            + "<TransactionType>ENC<TransactionResult");
            case "oversized" -> sendOversized(ex, v, req);
            // Axerve's own technical KO: a well-formed answer with only the four fields (as observed for 9999)
            case "systemError" -> Http.send(ex, 200, xml, SoapResponses.result(v, req.operation, service.namespace(),
                    Payloads.shortKo(service.payloadName(), Payloads.transactionType(req.operation),
                            ErrorCatalog.SYSTEM_ERROR)));
            case "latency" -> {
                // process=true: takes effect now, answer late; false: takes effect only when the stall ends
                String early = f.process() ? answer(v, req, callerIp) : null;
                later(ex, f.delayMs(), () -> early != null ? early : answer(v, req, callerIp), 200, xml);
            }
            default -> {
                // timeout: hold the response; the operation took effect only if process=true
                if (f.process()) {
                    String held = answer(v, req, callerIp);
                    later(ex, f.delayMs(), () -> held, 200, xml);
                } else {
                    later(ex, f.delayMs(), SoapResponses::iisServerError, 500, "text/html; charset=utf-8");
                }
            }
        }
    }

    private void later(HttpExchange ex, long delayMs, java.util.function.Supplier<String> body, int status, String type) {
        timers.schedule(() -> {
            try {
                Http.send(ex, status, type, body.get());
            } catch (IOException e) {
                ex.close(); // the client gave up waiting; nothing to answer
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private void sendOversized(HttpExchange ex, SoapVersion v, SoapRequest req) throws IOException {
        ex.getResponseHeaders().set("Content-Type", v.contentType);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write((SoapResponses.resultStart(v, req.operation, service.namespace(), service.payloadName())
                    + "<TransactionType>PADDING</TransactionType><TransactionResult>KO</TransactionResult>"
                    + "<ErrorCode>9999</ErrorCode><ErrorDescription>").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < OVERSIZED_BYTES; written += chunk.length) out.write(chunk);
            out.write(("</ErrorDescription>" + SoapResponses.resultEnd(req.operation, service.payloadName()))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String loadWsdl(String name) {
        try (InputStream in = SoapEndpoint.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing WSDL resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
