package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The console's session: renewed before its access token expires and when the API says it expired,
 * ended when renewal is refused.
 */
@ConsoleTest
class ConsoleSessionIT {

    /** The page's own record of its requests: a renewal was asked for and granted. */
    private static final String RENEWED = "return performance.getEntriesByType('resource')"
            + ".some(entry => entry.name.endsWith('/v1/auth/refresh') && entry.responseStatus === 200)";

    @Test
    void anExpiredAccessTokenIsRenewedAndTheRefusedCallMadeAgain(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Person admin = Person.in(portcullis, tenant.id(), "admin");
        console.open(portcullis.uri("/")).signIn(admin, "keys");

        portcullis.advanceClock(Duration.ofHours(1).plusSeconds(5));
        console.go("users");

        assertTrue(console.row("users-table", admin.email()).isDisplayed(), "the users were listed with a renewed token");
        assertTrue(console.all(By.cssSelector("#page-problems .problem")).isEmpty());
        assertEquals(admin.email(), console.find(By.cssSelector("#signed-in-as .who-label")).getText());
    }

    /**
     * Chromium's virtual time runs the page's timers an hour ahead without waiting for them; the server's
     * clock stays, so the token the page renews is one the server still accepts. In a tab of its own,
     * since virtual time cannot be switched off again.
     */
    @Test
    void theSessionRenewsItselfBeforeTheAccessTokenExpires(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        String firstTab = console.driver().getWindowHandle();
        console.driver().switchTo().newWindow(WindowType.TAB);
        try {
            console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");
            assertEquals(Boolean.FALSE, console.script(RENEWED));
            ((ChromeDriver) console.driver()).executeCdpCommand("Emulation.setVirtualTimePolicy",
                    Map.of("policy", "advance", "budget", Duration.ofMinutes(61).toMillis()));
            console.waiting().until(driver -> Boolean.TRUE.equals(console.script(RENEWED)));
            // Past its budget virtual time stands still, and with it the page's tasks: let it run on.
            ((ChromeDriver) console.driver()).executeCdpCommand("Emulation.setVirtualTimePolicy", Map.of("policy", "advance"));
            console.go("users");
            assertTrue(console.all(By.cssSelector("#page-problems .problem")).isEmpty());
            console.screenshot(ConsoleBrowser.SCREENSHOTS.resolve("ConsoleSessionIT.renewedBeforeExpiry.png"));
        } finally {
            console.driver().close();
            console.driver().switchTo().window(firstTab);
        }
    }

    @Test
    void aRefusedRenewalSignsOutAndSaysWhy(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");

        portcullis.advanceClock(Duration.ofDays(7).plusMinutes(1));
        console.click(By.id("nav-users"));

        console.ready("sign-in");
        WebElement problem = console.problem("#sign-in-notice");
        assertEquals("INVALID_REFRESH_TOKEN", problem.getDomAttribute("data-code"));
        assertTrue(problem.getText().startsWith("You were signed out"), problem.getText());
        assertTrue(problem.findElement(By.cssSelector(".request-id")).getText().startsWith("req_"));
        assertTrue(console.all(By.id("sign-out")).isEmpty());
    }

    @Test
    void signingOutEndsTheSessionOnTheServerAndForgetsIt(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");
        console.click(By.id("sign-out"));
        console.ready("sign-in");
        assertTrue(console.find(By.id("sign-in-notice")).getText().contains("You signed out"));
        // The page's own record of its requests: the logout was sent and answered 204.
        assertEquals(Boolean.TRUE, console.script("return performance.getEntriesByType('resource')"
                + ".some(entry => entry.name.endsWith('/v1/auth/logout') && entry.responseStatus === 204)"));
    }

    @Test
    void aRateLimitedCallShowsHowLongToWait(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Portcullis.expect(portcullis.patch("/v1/tenants/" + tenant.id(), portcullis.adminKey(),
                "{\"rate_limit\":{\"per_minute\":1,\"per_day\":1000}}"), 200);
        // Signing in spends the one request of the minute (the tenant's name), so the key list is refused.
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");

        WebElement problem = console.problem("#page-problems");
        assertEquals("RATE_LIMIT_EXCEEDED", problem.getDomAttribute("data-code"));
        WebElement wait = problem.findElement(By.cssSelector(".retry-after"));
        int seconds = Integer.parseInt(wait.getDomAttribute("data-retry-after"));
        assertTrue(seconds > 0 && seconds <= 60, "retry_after " + seconds);
        assertTrue(wait.getText().matches("Too many requests: wait \\d+ seconds? before trying again\\."), wait.getText());
        assertTrue(problem.findElement(By.cssSelector(".request-id")).getText().startsWith("req_"));
    }
}
