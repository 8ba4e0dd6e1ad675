package com.axpay.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A buyer in headless Chromium: the demo shop, the simulator's Amazon Pay journey (sign-in, address book, wallet),
 * back to the shop's result page; then what the storefront API says about the payment. The second checkout: the
 * simulated Amazon widgets on the shop's own page, the outcome in place, the one-click upsell page.
 */
class StorefrontBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static StackProcess stack;
    private static ApiClient api;
    private WebDriver driver;
    private Path profile;

    @BeforeAll
    static void startStack() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs Debian's chromium and chromium-driver");
        stack = StackProcess.start("storefront-browser-it");
        api = new ApiClient(stack.apiBase());
    }

    @AfterAll
    static void stopStack() throws InterruptedException {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1100,900",
                // anything not on 127.0.0.1 goes to a dead local proxy: the browser cannot leave the machine
                "--proxy-server=http://127.0.0.1:9");
        // an explicit driver and browser: Selenium Manager has nothing to look up or download
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    @Test
    void successfulPaymentShowsThankYouAndTheChosenShippingAddress() throws Exception {
        String chosenAddress = payThroughJourney("success", 1);
        String paymentId = awaitResult("CAPTURED");
        WebElement address = driver.findElement(By.id("shipping-address"));
        String street = chosenAddress.split(", ")[1];
        assertTrue(address.getText().contains(chosenAddress.split(", ")[0]), address.getText());
        assertTrue(address.getText().contains(street), address.getText());
        assertEquals("Thank you! Your payment was successful.", driver.findElement(By.id("state")).getText());
        assertEquals("24.90 EUR", driver.findElement(By.id("amount")).getText());
        screenshot("success");

        JsonNode payment = api.payment(paymentId);
        assertEquals("CAPTURED", payment.get("state").asText());
        assertEquals("24.90", payment.get("amount").asText());
        assertEquals(street, payment.get("shippingAddress").get("addressLine1").asText());

        // the merchant's systems heard about it once per change: outbox, relay, publisher function, local bus
        List<String> published = List.of("Payment Authorized", "Payment Captured");
        assertEquals(published, api.awaitEvents(paymentId, published));
        driver.navigate().refresh();
        assertEquals(published, driver.findElements(By.cssSelector("#events li.event")).stream()
                .map(e -> e.getAttribute("data-detail-type")).toList());
    }

    @Test
    void abandonedPaymentSaysSoAndOffersToTryAgain() throws Exception {
        signInAndPickAddress(0);
        driver.findElement(By.id("cancel")).click();
        String paymentId = awaitResult("ABANDONED");
        assertEquals("You cancelled the payment.", driver.findElement(By.id("state")).getText());
        assertEquals("The payment was not completed. You can try again.",
                driver.findElement(By.id("decline")).getText());
        assertTrue(driver.findElements(By.id("shipping-address")).isEmpty());
        screenshot("abandon");

        JsonNode payment = api.payment(paymentId);
        assertEquals("ABANDONED", payment.get("state").asText());
        assertFalse(payment.has("shippingAddress"));
    }

    @Test
    void declinedPaymentShowsTheBuyerFacingMessage() throws Exception {
        payThroughJourney("decline", 0);
        String paymentId = awaitResult("DECLINED");
        assertEquals("Your payment was declined.", driver.findElement(By.id("state")).getText());
        screenshot("decline");

        JsonNode payment = api.payment(paymentId);
        assertEquals("DECLINED", payment.get("state").asText());
        String buyerMessage = payment.get("decline").get("buyerMessage").asText();
        assertFalse(buyerMessage.isBlank());
        assertEquals(buyerMessage, driver.findElement(By.id("decline")).getText());
    }

    @Test
    void widgetCheckoutWithConsentThenOneClickUpsellChargedOnceThroughTheAgreement() throws Exception {
        openWidgetCheckout("espresso-beans");
        signInToAmazonWidgets();
        choose("amazon-address", "2");
        choose("amazon-method", "success");
        WebElement consent = waitFor(By.cssSelector("input.amazon-sim-consent"));
        consent.click();
        placeOrder();
        String paymentId = awaitWidgetOutcome("CAPTURED");
        assertEquals("Thank you! Your payment was successful.", driver.findElement(By.id("state")).getText());
        assertEquals("/_local/demo/widget", new java.net.URI(driver.getCurrentUrl()).getPath(), "still the shop's page");
        screenshot("widget-success");

        JsonNode payment = api.payment(paymentId);
        assertEquals("Hauptstrasse 12", payment.get("shippingAddress").get("addressLine1").asText(),
                "the address chosen in the widget");
        String agreementId = payment.get("agreementId").asText();
        assertEquals("ACTIVE", api.call("GET", "/agreements/" + agreementId, null, 200).get("state").asText(),
                "consent made the payment's token an agreement, as paynowandrecurring does");

        driver.findElement(By.id("to-upsell")).click();
        waitFor(By.cssSelector("#upsell-mode[data-mode=agreement]"));
        assertEquals("Add a second bag for € 9.90?", driver.findElement(By.id("offer")).getText());
        String upsellUrl = driver.getCurrentUrl();
        new Actions(driver).doubleClick(driver.findElement(By.id("accept-upsell"))).perform();
        awaitUpsellResult("SUCCEEDED");
        // and once more from the offer page, as a buyer going back would
        driver.navigate().to(upsellUrl);
        waitFor(By.id("accept-upsell")).click();
        awaitUpsellResult("SUCCEEDED");
        assertEquals("9.90 EUR", driver.findElement(By.id("upsell-amount")).getText());
        screenshot("widget-upsell-agreement");

        JsonNode charges = api.call("GET", "/agreements/" + agreementId, null, 200).get("charges");
        assertEquals(1, charges.size(), "one charge for the offer however often it was accepted: " + charges);
        assertEquals("upsell-" + paymentId, charges.get(0).get("chargeId").asText());
        assertEquals("9.90", charges.get(0).get("amount").asText());

        // the merchant's systems heard of each change once: the payment's and the agreement's events
        List<String> all = List.of("Agreement Charged", "Agreement Created", "Payment Authorized", "Payment Captured");
        assertEquals(all, awaitEventTypes(paymentId, all));
        List<String> paymentEvents = List.of("Payment Authorized", "Payment Captured");
        List<String> agreementEvents = List.of("Agreement Created", "Agreement Charged");
        driver.navigate().refresh();
        assertEquals(paymentEvents, eventTypes("#events"));
        assertEquals(agreementEvents, eventTypes("#upsell-events"));
    }

    @Test
    void widgetCheckoutSoftDeclineShowsTheBuyerMessageThenUpsellIsConfirmedWithTheWidgetsOnce() throws Exception {
        openWidgetCheckout("moka-pot");
        signInToAmazonWidgets();
        choose("amazon-address", "0");
        choose("amazon-method", "invalid-payment-method-soft");
        placeOrder();
        String declined = awaitWidgetOutcome("DECLINED");
        assertEquals("Your payment was declined.", driver.findElement(By.id("state")).getText());
        String buyerMessage = driver.findElement(By.id("decline")).getText();
        screenshot("widget-soft-decline");
        JsonNode payment = api.payment(declined);
        assertEquals("INVALID_PAYMENT_METHOD", payment.get("decline").get("reason").asText());
        assertEquals(payment.get("decline").get("buyerMessage").asText(), buyerMessage);
        assertTrue(buyerMessage.contains("payment method"), buyerMessage);

        // the buyer picks another method in the same wallet and pays again, still on the shop's page
        choose("amazon-method", "success");
        placeOrder();
        String paymentId = awaitWidgetOutcome("CAPTURED");
        JsonNode paid = api.payment(paymentId);
        assertEquals(payment.get("orderId").asText(), paid.get("orderId").asText(), "the same order, next attempt");
        assertEquals("32.00", paid.get("amount").asText());

        driver.findElement(By.id("to-upsell")).click();
        waitFor(By.cssSelector("#upsell-mode[data-mode=widgets]"));
        WebElement accept = driver.findElement(By.id("accept-upsell"));
        new WebDriverWait(driver, WAIT).until(d -> accept.isEnabled());
        assertTrue(driver.findElement(By.cssSelector("input[name=amazon-method][value=success]")).isSelected(),
                "the widgets remember the buyer's choice: nothing to ask again");
        new Actions(driver).doubleClick(accept).perform();
        awaitUpsellResult("CAPTURED");
        assertEquals("a new Amazon Pay confirmation", driver.findElement(By.id("upsell-via")).getText());
        screenshot("widget-upsell-widgets");

        String upsellOrder = paid.get("orderId").asText() + "-upsell";
        JsonNode atAxerve = simulatorTransactions(upsellOrder + "-1");
        assertEquals(1, atAxerve.size(), "Axerve charged the upsell once: " + atAxerve);
        assertEquals("9.90", atAxerve.get(0).get("amount").asText());
        assertTrue(simulatorTransactions(upsellOrder + "-2").isEmpty(), "no second attempt");
        List<String> captured = List.of("Payment Authorized", "Payment Captured");
        String upsellPaymentId = new java.net.URI(driver.getCurrentUrl()).getQuery()
                .replaceAll(".*upsellPaymentId=([^&]+).*", "$1");
        assertEquals(captured, awaitEventTypes(upsellPaymentId, captured));
        driver.navigate().refresh();
        awaitUpsellResult("CAPTURED");
        assertEquals(captured, eventTypes("#upsell-events"));
    }

    private void openWidgetCheckout(String product) {
        driver.get(stack.apiBase() + "/");
        driver.findElement(By.id("widget-pay-" + product)).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.titleIs("Checkout"));
    }

    private void signInToAmazonWidgets() {
        waitFor(By.id("amazon-button-amazon-pay")).click();
        waitFor(By.cssSelector("button.amazon-sim-sign-in")).click();
    }

    /** Clicks a radio button the simulated widgets rendered into the shop's page. */
    private void choose(String name, String value) {
        waitFor(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).click();
    }

    private void placeOrder() {
        WebElement pay = driver.findElement(By.id("place-order"));
        new WebDriverWait(driver, WAIT).until(d -> pay.isEnabled());
        pay.click();
    }

    /** Waits for the outcome the checkout page shows in place; returns the payment id. */
    private String awaitWidgetOutcome(String state) {
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.cssSelector(
                "#widget-result #state[data-state=" + state + "]")).isEmpty());
        return driver.findElement(By.id("payment-id")).getText();
    }

    private void awaitUpsellResult(String upsellState) {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains(WidgetCheckout.UPSELL_RESULT_PATH)
                && !d.findElements(By.cssSelector("#upsell-state[data-state=" + upsellState + "]")).isEmpty()
                && !d.findElements(By.cssSelector("#final[data-final=true]")).isEmpty());
    }

    private WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by));
    }

    private List<String> eventTypes(String section) {
        return driver.findElements(By.cssSelector(section + " li.event")).stream()
                .map(e -> e.getAttribute("data-detail-type")).toList();
    }

    /** Polls (at most 30 s) until the event types published for the id, sorted, are these; returns the last seen. */
    private List<String> awaitEventTypes(String id, List<String> expectedSorted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<String> seen;
        do {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    stack.apiBase() + LocalEvents.EVENTS_PATH + "?id=" + id)).timeout(Duration.ofSeconds(10)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            List<String> types = new java.util.ArrayList<>();
            Json.MAPPER.readTree(r.body()).forEach(e -> types.add(e.path("detailType").asText()));
            seen = types.stream().sorted().toList();
            if (seen.equals(expectedSorted)) {
                break;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return seen;
    }

    /** What the simulator (Axerve) holds for a shopTransactionId: its admin API, as an operator would look. */
    private JsonNode simulatorTransactions(String shopTransactionId) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + stack.simulatorPort + "/_sim/transactions?shopTransactionId="
                                + shopTransactionId)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** Shop → Amazon Pay button → sign-in → address (by index) → wallet method; returns the address's label. */
    private String payThroughJourney(String method, int addressIndex) {
        String address = signInAndPickAddress(addressIndex);
        driver.findElement(By.cssSelector("input[name=method][value=" + method + "]")).click();
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        return address;
    }

    private String signInAndPickAddress(int addressIndex) {
        driver.get(stack.apiBase() + "/");
        assertEquals("Demo shop", driver.getTitle());
        driver.findElement(By.id("pay-espresso-beans")).click();

        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.until(ExpectedConditions.titleIs("Amazon Pay - Accedi"));
        assertTrue(driver.getCurrentUrl().startsWith("http://127.0.0.1:" + stack.simulatorPort + "/pagam/"));
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.titleIs("Amazon Pay - Indirizzo"));
        List<WebElement> addresses = driver.findElements(By.cssSelector("input[name=address]"));
        WebElement chosen = addresses.get(addressIndex);
        chosen.click();
        String label = chosen.findElement(By.xpath("..")).getText().trim();
        driver.findElement(By.cssSelector("button[type=submit]")).click();

        wait.until(ExpectedConditions.titleIs("Amazon Pay - Portafoglio"));
        return label;
    }

    /**
     * Waits (bounded) for the result page in the given state and no longer refreshing itself: the page looks again
     * while the payment is processing and while the S2S handler may still be adding details.
     */
    private String awaitResult(String state) {
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().contains(DemoStorefront.RESULT_PATH)
                && !d.findElements(By.cssSelector("#state[data-state=" + state + "]")).isEmpty()
                && !d.findElements(By.cssSelector("#final[data-final=true]")).isEmpty());
        return driver.findElement(By.id("payment-id")).getText();
    }

    private void screenshot(String name) throws Exception {
        Path dir = StackProcess.repositoryRoot().resolve("infra/local/target/screenshots");
        Files.createDirectories(dir);
        File shot = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
