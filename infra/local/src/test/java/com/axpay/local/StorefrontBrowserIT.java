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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
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
 * back to the shop's result page; then what the storefront API says about the payment.
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
