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
 * HTTP side of one ASMX service: WSDL on GET ?wsdl, SOAP 1.1 on POST with SOAPAction/body dispatch, and fault
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
        SoapRequest req;
        try {
            req = SoapRequest.parse(body);
            checkDispatch(req, ex.getRequestHeaders().getFirst("SOAPAction"));
        } catch (SoapFaultException e) {
            Http.send(ex, 500, XML, SoapResponses.fault(e.faultCode, e.getMessage()));
            return;
        }
        String callerIp = Http.callerIp(ex);
        Optional<FaultRule> fault = faults.take(req.param("shopLogin"), req.operation);
        if (fault.isEmpty()) {
            Http.send(ex, 200, XML, answer(req, callerIp));
            return;
        }
        inject(ex, fault.get(), req, callerIp);
    }

    private void checkDispatch(SoapRequest req, String soapActionHeader) throws SoapFaultException {
        String action = soapActionHeader == null ? "" : soapActionHeader.trim().replace("\"", "");
        boolean known = service.namespace().equals(req.namespace) && service.operations().contains(req.operation);
        if (!action.isEmpty() && !action.equals(service.namespace() + req.operation)) {
            throw new SoapFaultException("soap:Client",
                    "Server did not recognize the value of HTTP Header SOAPAction: " + action + ".");
        }
        if (!known) {
            throw new SoapFaultException("soap:Client", "Server did not recognize the value of HTTP Header SOAPAction: "
                    + (action.isEmpty() ? req.namespace + req.operation : action) + ".");
        }
    }

    private String answer(SoapRequest req, String callerIp) {
        return SoapResponses.result(req.operation, service.namespace(), service.invoke(req, callerIp));
    }

    private void inject(HttpExchange ex, FaultRule f, SoapRequest req, String callerIp) throws IOException {
        LOG.log(System.Logger.Level.INFO, "injecting fault {0} #{1} into {2}", f.kind(), f.id(), req.operation);
        switch (f.kind()) {
            case "http500" -> Http.send(ex, 500, "text/html; charset=utf-8", SoapResponses.iisServerError());
            case "soapFault" -> Http.send(ex, 500, XML, SoapResponses.fault("soap:Server",
                    "Server was unable to process request. ---> Simulated fault."));
            case "malformed" -> Http.send(ex, 200, XML,
                    SoapResponses.resultStart(req.operation, service.namespace(), service.payloadName())
                            + "<TransactionType>ENC<TransactionResult");
            case "oversized" -> sendOversized(ex, req);
            // Axerve's own technical KO: a well-formed answer with only the four fields (as observed for 9999)
            case "systemError" -> Http.send(ex, 200, XML, SoapResponses.result(req.operation, service.namespace(),
                    Payloads.shortKo(service.payloadName(), Payloads.transactionType(req.operation),
                            ErrorCatalog.SYSTEM_ERROR)));
            case "latency" -> {
                // process=true: takes effect now, answer late; false: takes effect only when the stall ends
                String early = f.process() ? answer(req, callerIp) : null;
                later(ex, f.delayMs(), () -> early != null ? early : answer(req, callerIp), 200, XML);
            }
            default -> {
                // timeout: hold the response; the operation took effect only if process=true
                if (f.process()) {
                    String held = answer(req, callerIp);
                    later(ex, f.delayMs(), () -> held, 200, XML);
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

    private void sendOversized(HttpExchange ex, SoapRequest req) throws IOException {
        ex.getResponseHeaders().set("Content-Type", XML);
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write((SoapResponses.resultStart(req.operation, service.namespace(), service.payloadName())
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
