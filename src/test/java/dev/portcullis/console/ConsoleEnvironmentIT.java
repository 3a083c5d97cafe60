package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The live/test switch: which environment's keys are on screen and made, and a test session's fixed view. */
@ConsoleTest
class ConsoleEnvironmentIT {

    @Test
    void onTestALiveAdminSeesAndCreatesTestKeysOnlyAndBackOnLiveLiveKeysOnly(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        portcullis.newKey(tenant.adminKey(), "{\"name\":\"live worker\"}");
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");
        console.row("keys-table", "live worker");
        assertFalse(console.present(By.id("environment-banner")).isDisplayed(), "no test banner on live");

        console.click(By.cssSelector("label[for=environment-test]")).ready("keys");
        assertTrue(console.find(By.id("environment-banner")).isDisplayed(), "test data is announced");
        assertTrue(console.all(By.id("keys-table")).isEmpty(), "no live key among the test ones");
        console.click(By.id("create-key"));
        console.type(By.cssSelector("#create-key-form [name=name]"), "test worker");
        console.click(By.cssSelector("#create-key-form [type=submit]"));
        String secret = console.find(By.id("new-secret")).getDomProperty("value");
        assertTrue(secret.startsWith("sk_test_"), secret);
        assertEquals("test", console.row("keys-table", "test worker").findElement(By.cssSelector(".badge.env-test")).getText());

        console.click(By.cssSelector("label[for=environment-live]")).ready("keys");
        console.row("keys-table", "live worker");
        assertTrue(console.all(By.xpath("//table[@id='keys-table']//th[normalize-space()='test worker']")).isEmpty());
        JsonObject made = portcullis.get("/v1/keys", tenant.adminKey()).data().stream().map(JsonObject.class::cast)
                .filter(key -> key.getString("name").equals("test worker")).findFirst().orElseThrow();
        assertEquals("test", made.getString("environment"));
    }

    @Test
    void aTestSessionsSwitchStaysOnTest(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        Person tester = Person.in(portcullis, tenant.id(), "admin", "test");
        console.open(portcullis.uri("/")).signIn(tester, "test", "keys");

        assertTrue(console.present(By.id("environment-test")).isSelected());
        assertFalse(console.present(By.id("environment-live")).isEnabled(), "a test credential sees nothing live");
        assertTrue(console.find(By.id("environment-banner")).isDisplayed());
        console.go("users");
        console.row("users-table", tester.email());
    }

    @Test
    void usersOfTheOtherEnvironmentAreExplainedNotShown(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys").go("users");
        console.click(By.cssSelector("label[for=environment-test]")).ready("users");
        assertTrue(console.find(By.id("users-other-environment")).getText().contains("sign in again"));
        assertTrue(console.all(By.id("users-table")).isEmpty());
    }
}
