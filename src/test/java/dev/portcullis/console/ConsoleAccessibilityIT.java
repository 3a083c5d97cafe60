package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** Labels on every control, the keyboard alone, and a phone's width. */
@ConsoleTest
class ConsoleAccessibilityIT {

    private static final List<String> PAGES = List.of("overview", "tenants", "plans", "keys", "users", "allowlist", "usage");
    /** Form controls that nothing names: no label, no aria-label, no aria-labelledby. */
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('input, select, textarea')]
                .filter(control => control.labels.length === 0 && !control.getAttribute('aria-label') && !control.getAttribute('aria-labelledby'))
                .map(control => control.outerHTML.slice(0, 120));
            """;
    private static final String WIDER_THAN_THE_SCREEN = "return document.documentElement.scrollWidth > window.innerWidth";

    @Test
    void everyControlOfEveryPageAndDialogHasALabel(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        portcullis.newKey(tenant.adminKey(), "{\"name\":\"labelled\"}");
        console.open(portcullis.uri("/"));
        assertEquals(List.of(), console.script(UNLABELLED), "on the sign-in page");
        console.signInWithKey(portcullis.adminKey(), "tenants");
        console.type(By.cssSelector("#find-tenant-form [name=id]"), tenant.id());
        console.click(By.cssSelector("#find-tenant-form [type=submit]"));
        console.click(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'] .act-for")).ready("keys");
        for (String page : PAGES) {
            console.go(page);
            assertEquals(List.of(), console.script(UNLABELLED), "on " + page);
        }
        console.go("keys").click(By.id("create-key"));
        for (String dialog : List.of("edit-key", "roll-key", "revoke-key")) {
            console.row("keys-table", "labelled").findElement(By.cssSelector("." + dialog)).click();
            console.find(By.id(dialog + "-dialog"));
            assertEquals(List.of(), console.script(UNLABELLED), "in " + dialog);
            new Actions(console.driver()).sendKeys(Keys.ESCAPE).perform();
            console.waiting().until(driver -> console.all(By.id(dialog + "-dialog")).isEmpty());
        }
    }

    @Test
    void anAdminSignsInCreatesAKeyAndRevokesItWithTheKeyboardAlone(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Person admin = Person.in(portcullis, tenant.id(), "admin");
        console.open(portcullis.uri("/"));
        console.find(By.cssSelector("#password-sign-in [name=email]")).click();
        keys(console, admin.email(), Keys.TAB, admin.password(), Keys.TAB, admin.tenantId(), Keys.ENTER);
        console.ready("keys");
        assertEquals("h1", console.driver().switchTo().activeElement().getTagName(), "the focus starts at the page's heading");

        tabTo(console, "create-key");
        keys(console, Keys.ENTER);
        assertEquals("name", console.driver().switchTo().activeElement().getDomAttribute("name"), "the form opens on its first field");
        keys(console, "keyboard key", Keys.ENTER);
        String secret = console.find(By.id("new-secret")).getDomProperty("value");
        assertEquals("new-secret", console.driver().switchTo().activeElement().getDomAttribute("id"), "the secret has the focus, selected");
        assertEquals(200, portcullis.get("/v1/health", secret).status());

        tabTo(console, "Revoke keyboard key",
                By.xpath("//table[@id='keys-table']//tr[th[normalize-space()='keyboard key']]//button[contains(@class, 'revoke-key')]"));
        keys(console, Keys.ENTER);
        WebElement focused = console.driver().switchTo().activeElement();
        assertEquals("Cancel", focused.getText(), "a destructive dialog opens on Cancel");
        new Actions(console.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertEquals("Revoke the key", console.driver().switchTo().activeElement().getText());
        keys(console, Keys.ENTER);
        console.waiting().until(driver -> "revoked".equals(console.row("keys-table", "keyboard key").getDomAttribute("data-status")));
        assertEquals(401, portcullis.get("/v1/health", secret).status());
    }

    @Test
    void everyPageFitsAPhonesWidth(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        portcullis.newKey(tenant.adminKey(), "{\"name\":\"a key with a rather long name for a phone\"}");
        Dimension before = console.driver().manage().window().getSize();
        console.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            console.open(portcullis.uri("/"));
            assertEquals(Boolean.FALSE, console.script(WIDER_THAN_THE_SCREEN), "the sign-in page");
            console.signInWithKey(portcullis.adminKey(), "tenants");
            console.type(By.cssSelector("#find-tenant-form [name=id]"), tenant.id());
            console.click(By.cssSelector("#find-tenant-form [type=submit]"));
            console.click(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'] .act-for")).ready("keys");
            for (String page : PAGES) {
                console.go(page);
                assertEquals(Boolean.FALSE, console.script(WIDER_THAN_THE_SCREEN), page + " is wider than the phone");
            }
            console.go("keys");
            console.screenshot(ConsoleBrowser.SCREENSHOTS.resolve("ConsoleAccessibilityIT.keysOnAPhone.png"));
        } finally {
            console.driver().manage().window().setSize(before);
        }
    }

    private static void keys(Console console, CharSequence... keys) {
        new Actions(console.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab until the element with {@code id} has the focus; fails after a bounded number of presses. */
    private static void tabTo(Console console, String id) {
        tabTo(console, id, By.id(id));
    }

    private static void tabTo(Console console, String name, By target) {
        WebElement wanted = console.find(target);
        for (int presses = 0; presses < 60; presses++) {
            if (console.driver().switchTo().activeElement().equals(wanted)) {
                return;
            }
            keys(console, Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + name);
    }
}
