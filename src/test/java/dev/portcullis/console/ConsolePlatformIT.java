package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

@ConsoleTest
class ConsolePlatformIT {

    @Test
    void thePlatformAdminSignsInWithTheAdminKeyCreatesATenantAndManagesItsKeysActingForIt(Portcullis portcullis, Console console) {
        console.open(portcullis.uri("/")).signInWithKey(portcullis.adminKey(), "tenants");
        assertEquals("platform_admin", console.find(By.id("signed-in-role")).getText());

        String name = "Console tenant " + System.nanoTime();
        console.type(By.cssSelector("#create-tenant-form [name=name]"), name);
        new Select(console.find(By.cssSelector("#create-tenant-form [name=plan]"))).selectByValue("standard");
        console.click(By.cssSelector("#create-tenant-form [type=submit]"));
        String tenantId = console.find(By.id("created-tenant-id")).getText();
        Reply created = portcullis.get("/v1/tenants/" + tenantId, portcullis.adminKey());
        assertEquals(name, created.string("name"));
        assertEquals("standard", created.string("plan"));

        console.row("tenants-table", name).findElement(By.cssSelector(".act-for")).click();
        console.ready("keys");
        assertTrue(console.find(By.id("acting-for-tenant")).getText().contains(tenantId));
        console.click(By.id("create-key"));
        console.type(By.cssSelector("#create-key-form [name=name]"), "first key");
        new Select(console.find(By.cssSelector("#create-key-form [name=role]"))).selectByValue("admin");
        console.click(By.cssSelector("#create-key-form [type=submit]"));
        String secret = console.find(By.id("new-secret")).getDomProperty("value");

        Reply health = portcullis.get("/v1/health", secret);
        assertEquals(tenantId, health.string("tenant_id"), "the key belongs to the tenant acted for");
        JsonObject key = portcullis.get("/v1/keys", secret).data().getJsonObject(0);
        assertEquals("first key", key.getString("name"));
        assertEquals("admin", key.getString("role"));

        console.click(By.id("stop-acting"));
        console.ready("keys");
        assertTrue(console.all(By.id("acting-for-tenant")).isEmpty());
    }

    @Test
    void aTenantsPlanChangesAndItIsSuspendedAndReactivatedAfterAConfirmation(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant("free");
        console.open(portcullis.uri("/")).signInWithKey(portcullis.adminKey(), "tenants");
        console.type(By.cssSelector("#find-tenant-form [name=id]"), tenant.id());
        console.click(By.cssSelector("#find-tenant-form [type=submit]"));
        WebElement row = console.find(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "']"));

        row.findElement(By.cssSelector(".change-plan")).click();
        new Select(console.find(By.cssSelector("#tenant-plan-dialog [name=plan]"))).selectByValue("standard");
        console.click(By.cssSelector("#tenant-plan-dialog [type=submit]"));
        console.waiting().until(driver -> console.find(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'] .tenant-plan"))
                .getText().startsWith("standard"));
        assertEquals("standard", portcullis.get("/v1/tenants/" + tenant.id(), portcullis.adminKey()).string("plan"));

        console.click(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'] .suspend-tenant"));
        console.find(By.id("tenant-status-dialog"));
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status(), "nothing happens before the confirmation");
        console.click(By.cssSelector("#tenant-status-dialog [type=submit]"));
        console.find(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'][data-status=suspended]"));
        Reply suspended = portcullis.get("/v1/health", tenant.adminKey());
        assertEquals(403, suspended.status());
        assertEquals("TENANT_SUSPENDED", suspended.errorCode());

        console.click(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'] .reactivate-tenant"));
        console.click(By.cssSelector("#tenant-status-dialog [type=submit]"));
        console.find(By.cssSelector("tr[data-tenant-id='" + tenant.id() + "'][data-status=active]"));
        assertEquals(200, portcullis.get("/v1/health", tenant.adminKey()).status());
    }

    @Test
    void aPlanMadeInTheConsoleIsThePlansApisAndItsLimitsCanBeChanged(Portcullis portcullis, Console console) {
        String plan = "console-" + System.nanoTime();
        console.open(portcullis.uri("/")).signInWithKey(portcullis.adminKey(), "tenants").go("plans");
        console.type(By.cssSelector("#create-plan-form [name=name]"), plan);
        console.type(By.cssSelector("#create-plan-form [name=per_minute]"), "30");
        console.type(By.cssSelector("#create-plan-form [name=per_day]"), "5000");
        console.click(By.cssSelector("#create-plan-form [type=submit]"));
        console.row("plans-table", plan).findElement(By.cssSelector(".edit-plan")).click();
        console.type(By.cssSelector("#edit-plan-dialog [name=per_minute]"), "45");
        console.click(By.cssSelector("#edit-plan-dialog [type=submit]"));
        console.waiting().until(driver -> console.row("plans-table", plan).findElement(By.cssSelector("td.number")).getText().equals("45"));

        Reply stored = portcullis.get("/v1/plans/" + plan, portcullis.adminKey());
        assertEquals(45, stored.json().getInt("per_minute"));
        assertEquals(5000, stored.json().getInt("per_day"));
    }
}
