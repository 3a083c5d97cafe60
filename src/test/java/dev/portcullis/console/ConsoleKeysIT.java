package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

@ConsoleTest
class ConsoleKeysIT {

    @Test
    void aKeyCreatedInTheConsoleShowsItsSecretOnceWorksAndGets401OnceRevokedThere(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Person admin = Person.in(portcullis, tenant.id(), "admin");
        console.open(portcullis.uri("/")).signIn(admin, "keys");

        console.click(By.id("create-key"));
        console.type(By.cssSelector("#create-key-form [name=name]"), "backend");
        console.click(By.cssSelector("#create-key-form [type=submit]"));
        String secret = console.find(By.id("new-secret")).getDomProperty("value");
        assertTrue(secret.startsWith("sk_live_"), secret);
        assertTrue(console.find(By.id("secret-warning")).getText().contains("only time it is shown"));
        assertTrue(console.find(By.id("copy-secret")).isDisplayed());

        Reply health = portcullis.get("/v1/health", secret);
        assertEquals(200, health.status());
        assertEquals(tenant.id(), health.string("tenant_id"));

        console.click(By.id("dismiss-secret"));
        console.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("new-secret")));
        assertFalse(console.driver().getPageSource().contains(secret.substring(8)), "the secret is still in the page");

        console.driver().navigate().refresh();
        console.ready("sign-in").signIn(admin, "keys");
        WebElement row = console.row("keys-table", "backend");
        assertEquals("active", row.getDomAttribute("data-status"));
        assertTrue(row.getText().contains(secret.substring(secret.length() - 4)), "the last four characters are shown");
        assertFalse(console.driver().getPageSource().contains(secret.substring(8)), "after a reload the secret is nowhere in the page");
        assertTrue(console.all(By.id("new-secret")).isEmpty());

        row.findElement(By.cssSelector(".revoke-key")).click();
        console.find(By.id("revoke-key-dialog"));
        assertEquals(200, portcullis.get("/v1/health", secret).status(), "nothing is revoked before the confirmation");
        console.click(By.cssSelector("#revoke-key-dialog [type=submit]"));
        console.waiting().until(driver -> "revoked".equals(console.row("keys-table", "backend").getDomAttribute("data-status")));

        Reply revoked = portcullis.get("/v1/health", secret);
        assertEquals(401, revoked.status());
        assertEquals("INVALID_API_KEY", revoked.errorCode());
    }

    @Test
    void theApisValidationErrorIsShownNextToTheFieldItNames(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");

        console.click(By.id("create-key"));
        console.type(By.cssSelector("#create-key-form [name=name]"), "narrow");
        console.type(By.cssSelector("#create-key-form [name=allowed_ips]"), "10.0.0.0/33");
        console.click(By.cssSelector("#create-key-form [type=submit]"));

        WebElement message = console.find(By.cssSelector("#create-key-form .field-error"));
        assertEquals("allowed_ips", message.getDomAttribute("data-field"));
        assertTrue(message.getText().contains("10.0.0.0/33"), message.getText());
        WebElement input = console.find(By.cssSelector("#create-key-form [name=allowed_ips]"));
        assertEquals("true", input.getDomAttribute("aria-invalid"));
        assertTrue(input.getDomAttribute("aria-describedby").contains(message.getDomAttribute("id")), "the message describes the field");
        assertEquals(input, console.driver().switchTo().activeElement(), "the field has the focus");
        assertEquals(message.findElement(By.xpath("ancestor::div[@class='field']")),
                input.findElement(By.xpath("ancestor::div[@class='field']")), "the message sits with its field");
        WebElement problem = console.problem("#create-key-form");
        assertTrue(problem.findElement(By.cssSelector(".request-id")).getText().startsWith("req_"));
        assertTrue(problem.getText().contains("VALIDATION_FAILED"));
        assertTrue(portcullis.get("/v1/keys", tenant.adminKey()).data().stream()
                .noneMatch(key -> ((JsonObject) key).getString("name").equals("narrow")));
    }

    @Test
    void aMemberGetsNoCreateButtonAndTheKeysPageShowsTheApisRefusal(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Person member = Person.in(portcullis, tenant.id(), "member");
        console.open(portcullis.uri("/")).signIn(member, "overview");
        assertTrue(console.all(By.id("nav-keys")).isEmpty(), "no Keys in a member's menu");

        console.force("keys");
        WebElement problem = console.problem("#page-problems");
        assertEquals("INSUFFICIENT_PERMISSIONS", problem.getDomAttribute("data-code"));
        assertTrue(problem.getText().contains("admin"), problem.getText());
        assertTrue(problem.findElement(By.cssSelector(".request-id")).getText().startsWith("req_"));
        assertTrue(console.all(By.id("create-key")).isEmpty(), "no create button for a member");

        Reply refused = portcullis.get("/v1/keys", member.accessToken(portcullis));
        assertEquals(403, refused.status());
        assertEquals("INSUFFICIENT_PERMISSIONS", refused.errorCode());
    }

    @Test
    void rollingShowsTheNewSecretOnceAndTheOldSecretWorksThroughItsGrace(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        String old = portcullis.newKey(tenant.adminKey(), "{\"name\":\"worker\"}").string("key");
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");

        console.row("keys-table", "worker").findElement(By.cssSelector(".roll-key")).click();
        console.find(By.id("roll-key-dialog"));
        new org.openqa.selenium.support.ui.Select(console.find(By.cssSelector("#roll-key-dialog [name=grace]"))).selectByValue("86400");
        console.click(By.cssSelector("#roll-key-dialog [type=submit]"));

        String rolled = console.find(By.id("new-secret")).getDomProperty("value");
        assertTrue(console.find(By.id("secret-panel")).getText().contains("previous secret keeps working until"));
        assertEquals(200, portcullis.get("/v1/health", rolled).status());
        assertEquals(200, portcullis.get("/v1/health", old).status(), "the old secret is in its grace period");
        assertTrue(console.row("keys-table", "worker").getText().contains("old secret until"));
    }

    @Test
    void editingAKeyChangesItsNameScopesAndLimitsAndNothingElse(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        String id = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reporting\",\"allowed_ips\":[\"10.0.0.0/8\"]}").string("id");
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");

        console.row("keys-table", "reporting").findElement(By.cssSelector(".edit-key")).click();
        console.type(By.cssSelector("#edit-key-dialog [name=name]"), "nightly reporting");
        console.click(By.xpath("//dialog[@id='edit-key-dialog']//label[normalize-space()='usage:read']"));
        console.type(By.cssSelector("#edit-key-dialog [name=per_minute]"), "5");
        console.click(By.cssSelector("#edit-key-dialog [type=submit]"));
        console.row("keys-table", "nightly reporting");

        Reply key = portcullis.get("/v1/keys/" + id, tenant.adminKey());
        assertEquals("nightly reporting", key.string("name"));
        assertEquals("[\"usage:read\"]", key.json().getJsonArray("scopes").toString());
        assertEquals(5, key.json().getJsonObject("rate_limit").getInt("per_minute"));
        assertEquals("[\"10.0.0.0/8\"]", key.json().getJsonArray("allowed_ips").toString(), "left as it was");
    }
}
