package com.axpay.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Axerve's sandbox: both SOAP services, the payment page with a simulated Amazon Pay journey,
 * S2S notifications, tokens and fault injection, plus a JSON admin API under {@code /_sim/}.
 *
 * <pre>{@code
 * try (AxerveSimulator sim = AxerveSimulator.start(SimulatorOptions.defaults().port(0).s2sUrl(...))) {
 *     String wsCrypt = sim.baseUrl() + "/gestpay/GestPayWS/WsCryptDecrypt.asmx";
 * }
 * }</pre>
 */
public final class AxerveSimulator implements AutoCloseable {
    public static final String DEFAULT_SHOP_LOGIN = "GESPAY00001";
    private static final System.Logger LOG = System.getLogger(AxerveSimulator.class.getName());

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final ScheduledThreadPoolExecutor timers;
    private final SimulatorState state;
    private final Notifier notifier;
    private final String host;

    private AxerveSimulator(SimulatorOptions options) throws IOException {
        this.host = options.host();
        this.state = new SimulatorState(options);
        loadMerchants(options);
        this.timers = new ScheduledThreadPoolExecutor(2, Threads.daemon("timer"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.notifier = new Notifier(options.notifyOptions());
        Faults faults = new Faults();
        PaymentEngine engine = new PaymentEngine(state, notifier, timers, options.pendingDelayMs());
        SoapEndpoint crypt = new SoapEndpoint(new CryptDecryptService(state), faults, timers);
        SoapEndpoint s2s = new SoapEndpoint(new S2sService(state, engine), faults, timers);
        PaymentPage page = new PaymentPage(state, engine);
        AdminApi admin = new AdminApi(state, faults, notifier);
        AmazonWidgets widgets = new AmazonWidgets(state);

        this.workers = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500),
                Threads.daemon("http"));
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 100);
        server.setExecutor(workers);
        server.createContext("/", ex -> route(ex, crypt, s2s, page, admin, widgets));
        server.start();
    }

    /** Starts the simulator; port 0 picks a free port. */
    public static AxerveSimulator start(SimulatorOptions options) {
        try {
            return new AxerveSimulator(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Axerve simulator", e);
        }
    }

    public int port() { return server.getAddress().getPort(); }

    public String baseUrl() { return "http://" + host + ":" + port(); }

    public List<TransactionView> transactions() {
        return state.transactions().stream().map(Transaction::view).toList();
    }

    public List<NotificationView> notifications() { return notifier.views(); }

    /** True when the simulated Amazon issued the id (widgets) or the admin API registered it. */
    public boolean isIssued(String amazonId) {
        return state.widgetReferences.containsKey(amazonId) || state.orderReferences.containsKey(amazonId);
    }

    /** Successful charges made with the token (0 for an unknown token). */
    public int chargeCount(String token) {
        Token t = state.tokens.get(token);
        return t == null ? 0 : t.chargeCount();
    }

    /** Stops the server and every background thread without waiting for held (timeout-fault) responses. */
    @Override
    public void close() {
        server.stop(0);
        timers.shutdownNow();
        notifier.close();
        workers.shutdownNow();
    }

    private void loadMerchants(SimulatorOptions o) throws IOException {
        if (o.profile() == null) {
            state.merchants.put(DEFAULT_SHOP_LOGIN, MerchantProfile.open(DEFAULT_SHOP_LOGIN, null, null, null));
            return;
        }
        for (MerchantProfile m : AdminApi.readProfile(Files.readAllBytes(o.profile()))) state.merchants.put(m.shopLogin(), m);
    }

    private static void route(HttpExchange ex, SoapEndpoint crypt, SoapEndpoint s2s, PaymentPage page, AdminApi admin,
                              AmazonWidgets widgets) throws IOException {
        // the exchange is not closed here: fault injection may answer later from a timer thread
        try {
            String path = ex.getRequestURI().getPath();
            String lower = path.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "/gestpay/gestpayws/wscryptdecrypt.asmx" -> crypt.handle(ex);
                case "/gestpay/gestpayws/wss2s.asmx" -> s2s.handle(ex);
                case "/pagam/pagam.aspx" -> page.handle(ex);
                default -> {
                    if (path.startsWith("/_sim/")) admin.handle(ex);
                    else if (path.startsWith(AmazonWidgets.PREFIX)) widgets.handle(ex);
                    else Http.send(ex, 404, "text/plain; charset=utf-8", "Not found");
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "request failed: " + ex.getRequestURI().getPath(), e);
            Http.send(ex, 500, "text/plain; charset=utf-8", "Internal simulator error");
        } catch (IOException e) {
            ex.close(); // client went away
        }
    }
}
