package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

@ConsoleTest
class ConsoleUsersIT {

    private static final String NEW_PASSWORD = "another long passphrase";

    @Test
    void aUserIsCreatedPromotedGivenANewPasswordAndDisabledInTheConsole(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys").go("users");
        String email = "grace-" + System.nanoTime() + "@example.test";

        console.type(By.cssSelector("#create-user-form [name=email]"), email);
        console.type(By.cssSelector("#create-user-form [name=password]"), Person.PASSWORD);
        console.click(By.cssSelector("#create-user-form [type=submit]"));
        assertEquals("member", console.row("users-table", email).findElements(By.tagName("td")).get(0).getText());
        assertEquals(200, portcullis.login(email, Person.PASSWORD, tenant.id()).status());

        console.row("users-table", email).findElement(By.cssSelector(".change-role")).click();
        new Select(console.find(By.cssSelector("#user-role-dialog [name=role]"))).selectByValue("admin");
        console.click(By.cssSelector("#user-role-dialog [type=submit]"));
        console.waiting().until(driver -> console.row("users-table", email).findElements(By.tagName("td")).get(0).getText().equals("admin"));

        console.row("users-table", email).findElement(By.cssSelector(".new-password")).click();
        console.type(By.cssSelector("#user-password-dialog [name=password]"), NEW_PASSWORD);
        console.click(By.cssSelector("#user-password-dialog [type=submit]"));
        console.waiting().until(driver -> console.all(By.id("user-password-dialog")).isEmpty());
        assertEquals(401, portcullis.login(email, Person.PASSWORD, tenant.id()).status());
        Reply withNewPassword = portcullis.login(email, NEW_PASSWORD, tenant.id());
        assertEquals(200, withNewPassword.status());
        assertEquals("admin", withNewPassword.json().getJsonObject("user").getString("role"));

        console.row("users-table", email).findElement(By.cssSelector(".disable-user")).click();
        console.click(By.cssSelector("#user-disable-dialog [type=submit]"));
        console.waiting().until(driver -> console.row("users-table", email).getText().contains("disabled"));
        assertEquals(401, portcullis.login(email, NEW_PASSWORD, tenant.id()).status());
    }

    @Test
    void aTooShortPasswordIsNamedAtThePasswordField(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys").go("users");
        console.type(By.cssSelector("#create-user-form [name=email]"), "short@example.test");
        console.type(By.cssSelector("#create-user-form [name=password]"), "short");
        console.click(By.cssSelector("#create-user-form [type=submit]"));

        WebElement message = console.find(By.cssSelector("#create-user-form .field-error"));
        assertEquals("password", message.getDomAttribute("data-field"));
        assertTrue(message.getText().contains("12"), message.getText());
        assertEquals("true", console.find(By.cssSelector("#create-user-form [name=password]")).getDomAttribute("aria-invalid"));
    }

    @Test
    void theTenantsAllowlistIsSavedAndRemovedInTheConsole(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys").go("allowlist");
        // The browser calls from 127.0.0.1: an allowlist without it would lock the console out too.
        console.type(By.cssSelector("#allowlist-form [name=allowed_ips]"), "127.0.0.1\n192.168.1.0/24");
        console.click(By.cssSelector("#allowlist-form [type=submit]"));
        console.waiting().until(driver -> console.find(By.id("allowlist-summary")).getText().contains("192.168.1.0/24"));
        assertEquals("[\"127.0.0.1\",\"192.168.1.0/24\"]",
                portcullis.get("/v1/auth/ip-allowlist", tenant.adminKey()).json().getJsonArray("allowed_ips").toString());

        console.click(By.id("remove-allowlist"));
        console.click(By.cssSelector("#remove-allowlist-dialog [type=submit]"));
        console.waiting().until(driver -> console.find(By.id("allowlist-summary")).getText().startsWith("No allowlist"));
        assertEquals("[]", portcullis.get("/v1/auth/ip-allowlist", tenant.adminKey()).json().getJsonArray("allowed_ips").toString());
    }
}
