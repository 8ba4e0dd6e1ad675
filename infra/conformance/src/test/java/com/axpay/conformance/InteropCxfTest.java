package com.axpay.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.axpay.simulator.AxerveSimulator;
import com.axpay.simulator.SimulatorOptions;
import jakarta.jws.WebParam;
import jakarta.xml.ws.BindingProvider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.namespace.QName;
import org.apache.cxf.tools.common.ToolContext;
import org.apache.cxf.tools.wsdlto.WSDLToJava;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A client that nobody here wrote: Apache CXF's code generator builds it from Axerve's published WSDLs (read from
 * {@code ../shared/axerve/wsdl} at test time, never committed), javax.tools compiles it, and it calls every operation
 * of the simulator through both ports the WSDLs declare, SOAP 1.1 and SOAP 1.2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteropCxfTest {
    /** The newest published WSCryptDecrypt WSDL, and the only published WSs2s one. */
    private static final String CRYPT_WSDL = "WSCryptDecrypt.ecomms2s.pre2018-11.LaserSrl_Laser.Orchard.Platform.wsdl";
    private static final String S2S_WSDL = "WSs2s.sandbox.2013-10.dSmart-srl_gestpay.wsdl";

    private AxerveSimulator sim;
    private URLClassLoader generated;
    private Path wsdlDir;
    private final SoapCaller pages = new SoapCaller();

    @BeforeAll
    void generateCompileAndStart() throws Exception {
        wsdlDir = sharedWsdls();
        assumeTrue(wsdlDir != null, "../shared/axerve/wsdl not found beside the repository: interop test skipped");
        Path out = Path.of("target", "cxf-interop");
        Path src = out.resolve("src");
        Path classes = out.resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        generate(wsdlDir.resolve(CRYPT_WSDL), src, "interop.crypt");
        generate(wsdlDir.resolve(S2S_WSDL), src, "interop.s2s");
        compile(src, classes);
        generated = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0).positiveUrl("http://127.0.0.1:9/ok"));
    }

    @AfterAll
    void stop() throws IOException {
        if (sim != null) sim.close();
        if (generated != null) generated.close();
    }

    @Test
    void everyOperationOverSoap11() throws Exception {
        playEveryOperation("WSCryptDecryptSoap", "WSs2sSoap", "C11");
    }

    @Test
    void everyOperationOverSoap12() throws Exception {
        playEveryOperation("WSCryptDecryptSoap12", "WSs2sSoap12", "C12");
    }

    private void playEveryOperation(String cryptPort, String s2sPort, String id) throws Exception {
        Object crypt = port("interop.crypt", CRYPT_WSDL, "https://ecomm.sella.it/", "WSCryptDecrypt", cryptPort,
                SoapCaller.CRYPT_PATH);
        Object s2s = port("interop.s2s", S2S_WSDL, "https://ecomms2s.sella.it/", "WSs2s", s2sPort, SoapCaller.S2S_PATH);
        String shop = AxerveSimulator.DEFAULT_SHOP_LOGIN;

        Map<String, String> enc = invoke(crypt, "Encrypt", Map.of("shopLogin", shop, "uicCode", "242",
                "amount", "10.00", "shopTransactionId", id, "buyerName", "Interop Buyer"));
        assertEquals("OK", enc.get("TransactionResult"), enc.toString());
        String b = Buyers.queryParam(pages.location(Buyers.pageUrl(new Target("sim", sim.baseUrl(), shop, null,
                null, null, null), shop, enc.get("CryptDecryptString")) + "&sim=success"), "b");
        assertNotNull(b);

        Map<String, String> dec = invoke(crypt, "Decrypt", Map.of("shopLogin", shop, "CryptedString", b));
        assertEquals("OK", dec.get("TransactionResult"), dec.toString());
        assertEquals(id, dec.get("ShopTransactionID"));
        assertEquals("Interop Buyer", dec.get("Buyer"));
        String bank = dec.get("BankTransactionID");

        Map<String, String> trx = invoke(s2s, "callReadTrxS2S", Map.of("shopLogin", shop, "shopTransactionId", id));
        assertEquals("MOV", trx.get("TransactionState"), trx.toString());
        Map<String, String> refund = invoke(s2s, "callRefundS2S", Map.of("shopLogin", shop, "uicCode", "242",
                "amount", "1.00", "shopTransactionId", id, "bankTransactionId", bank));
        assertEquals("OK", refund.get("TransactionResult"), refund.toString());
        Map<String, String> settle = invoke(s2s, "callSettleS2S", Map.of("shopLogin", shop, "uicCode", "242",
                "amount", "1.00", "shopTransID", id, "bankTransID", bank));
        assertEquals("2019", settle.get("ErrorCode"), "a captured payment cannot be settled: " + settle);
        Map<String, String> delete = invoke(s2s, "callDeleteS2S", Map.of("shopLogin", shop, "shopTransactionId", id,
                "bankTransactionId", bank));
        assertEquals("2017", delete.get("ErrorCode"), delete.toString());
        // the 2013 WSs2s WSDL has no paymentTypes: an order reference without AMAZONPAY is the wrong payment type
        Map<String, String> pagam = invoke(s2s, "callPagamS2S", Map.of("shopLogin", shop, "uicCode", "242",
                "amount", "1.00", "shopTransactionId", id + "P", "transKey", "S02-1234567-7654321"));
        assertEquals("1403", pagam.get("ErrorCode"), pagam.toString());
        assertEquals(20, Integer.parseInt(pagam.get("#children")), "the full PAGAM payload: " + pagam);
        Map<String, String> token = invoke(s2s, "callDeleteTokenS2S", Map.of("tokenValue", "C02-0000000-0000000",
                "shopLogin", shop));
        assertEquals("1165", token.get("ErrorCode"), token.toString());
    }

    private Object port(String pkg, String wsdl, String ns, String service, String portName, String path)
            throws Exception {
        // CXF's Java names differ in case from the WSDL's (WSs2s -> WSs2S): match them case-insensitively
        Class<?> serviceClass = null;
        for (String name : List.of(service, service.substring(0, service.length() - 1)
                + Character.toUpperCase(service.charAt(service.length() - 1)))) {
            try {
                serviceClass = generated.loadClass(pkg + "." + name);
            } catch (ClassNotFoundException tryNext) {
                // next spelling
            }
        }
        assertNotNull(serviceClass, "no generated service class for " + service);
        Object svc = serviceClass.getConstructor(URL.class, QName.class)
                .newInstance(wsdlDir.resolve(wsdl).toUri().toURL(), new QName(ns, service));
        Method getter = Stream.of(serviceClass.getMethods())
                .filter(g -> g.getParameterCount() == 0 && g.getName().equalsIgnoreCase("get" + portName))
                .findFirst().orElseThrow(() -> new AssertionError("no port getter for " + portName));
        Object port = withGeneratedLoader(() -> getter.invoke(svc));
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, sim.baseUrl() + path);
        return port;
    }

    /**
     * Calls an operation of the generated interface by its WSDL name, filling the parameters named in {@code args}
     * (by their {@code @WebParam} names) and leaving the rest null; returns the payload's children as texts.
     */
    private Map<String, String> invoke(Object port, String operation, Map<String, String> args) throws Exception {
        Method m = null;
        for (Class<?> itf : port.getClass().getInterfaces()) {
            for (Method candidate : itf.getMethods()) {
                if (candidate.getName().equalsIgnoreCase(operation)) m = candidate;
            }
        }
        assertNotNull(m, "no generated method for " + operation);
        Object[] values = new Object[m.getParameterCount()];
        Annotation[][] annotations = m.getParameterAnnotations();
        List<String> used = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof WebParam wp && args.containsKey(wp.name())) {
                    values[i] = args.get(wp.name());
                    used.add(wp.name());
                }
            }
        }
        assertEquals(args.keySet().size(), used.size(), operation + ": WSDL parameters found " + used);
        Method call = m;
        Object result = withGeneratedLoader(() -> call.invoke(port, values));
        @SuppressWarnings("unchecked")
        List<Object> content = (List<Object>) result.getClass().getMethod("getContent").invoke(result);
        Element payload = content.stream().filter(Element.class::isInstance).map(Element.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError(operation + ": no payload element in " + content));
        Map<String, String> out = new LinkedHashMap<>();
        int children = 0;
        for (Node n = payload.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children++;
                out.putIfAbsent(e.getLocalName(), e.getLocalName().equals("Buyer")
                        ? e.getFirstChild().getTextContent() : e.getTextContent());
            }
        }
        out.put("#children", String.valueOf(children));
        return out;
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** JAXB and CXF look classes up through the context class loader. */
    private Object withGeneratedLoader(Call c) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(generated);
        try {
            return c.run();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new AssertionError("the CXF client failed: " + e.getCause(), e.getCause());
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static void generate(Path wsdl, Path src, String pkg) throws Exception {
        new WSDLToJava(new String[] {"-d", src.toString(), "-p", pkg, "-quiet", wsdl.toUri().toString()})
                .run(new ToolContext());
    }

    private static void compile(Path src, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to compile the generated client");
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none", "-nowarn"));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        int rc = javac.run(null, null, null, args.toArray(String[]::new));
        assertTrue(rc == 0, "the generated client does not compile");
    }

    private static Path sharedWsdls() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("axerve").resolve("wsdl");
            if (Files.isRegularFile(candidate.resolve(CRYPT_WSDL)) && Files.isRegularFile(candidate.resolve(S2S_WSDL))) {
                return candidate;
            }
        }
        return null;
    }
}
