package dev.portcullis.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a browser, as the tests use it: by labels, ids and the views' readiness marks
 * ({@code main[data-view][data-ready]}), always waiting on a condition, never for a time.
 */
public final class Console {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;

    Console(WebDriver driver) {
        this.driver = driver;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Waits that look again when the element they had was drawn anew meanwhile. */
    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens the console at {@code /console/} of the server: a new page, signed out. */
    public Console open(URI server) {
        driver.get(server.resolve("/console/").toString());
        return ready("sign-in");
    }

    /** Waits until {@code view} has drawn what the API answered. */
    public Console ready(String view) {
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("main[data-view='" + view + "'][data-ready='true']")));
        return this;
    }

    public Console signIn(Person person, String expectedView) {
        return signIn(person, "live", expectedView);
    }

    /** Signs in with email, password and tenant, choosing the session's environment. */
    public Console signIn(Person person, String environment, String expectedView) {
        type(By.cssSelector("#password-sign-in [name=email]"), person.email());
        type(By.cssSelector("#password-sign-in [name=password]"), person.password());
        type(By.cssSelector("#password-sign-in [name=tenant_id]"), person.tenantId());
        click(By.cssSelector("label[for='sign-in-environment-" + environment + "']"));
        click(By.cssSelector("#password-sign-in [type=submit]"));
        return ready(expectedView);
    }

    public Console signInWithKey(String key, String expectedView) {
        type(By.cssSelector("#key-sign-in [name=key]"), key);
        click(By.cssSelector("#key-sign-in [type=submit]"));
        return ready(expectedView);
    }

    /** Follows the menu's link to {@code view}, as a person would. */
    public Console go(String view) {
        click(By.id("nav-" + view));
        return ready(view);
    }

    /** Goes to {@code view} by the address, as someone typing {@code #/keys} would: no menu needed. */
    public Console force(String view) {
        script("location.hash = arguments[0]", "#/" + view);
        return ready(view);
    }

    public WebElement find(By locator) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** An element that is on the page, shown or not (the switch's radios are drawn by their labels). */
    public WebElement present(By locator) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(locator));
    }

    public List<WebElement> all(By locator) {
        return driver.findElements(locator);
    }

    public Console type(By locator, String text) {
        WebElement input = find(locator);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Console click(By locator) {
        waiting().until(ExpectedConditions.elementToBeClickable(locator)).click();
        return this;
    }

    /** The row of a table whose header cell is {@code name}. */
    public WebElement row(String tableId, String name) {
        return find(By.xpath("//table[@id='" + tableId + "']//tr[th[normalize-space()=" + xpathLiteral(name) + "]]"));
    }

    /** The problem box {@code css} (a view's or a form's problem area) shows, once it is there. */
    public WebElement problem(String css) {
        return find(By.cssSelector(css + " .problem"));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
