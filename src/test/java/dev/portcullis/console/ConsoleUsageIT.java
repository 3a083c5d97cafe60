package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@ConsoleTest
class ConsoleUsageIT {

    @Test
    void aKeysRequestsOfTheDayAreABarOfTheChartAndARowOfTheTable(Portcullis portcullis, Console console) {
        var tenant = portcullis.newTenant();
        var created = portcullis.newKey(tenant.adminKey(), "{\"name\":\"reporting\"}");
        String key = created.string("key");
        for (int i = 0; i < 3; i++) {
            Portcullis.expect(portcullis.get("/v1/health", key), 200);
        }
        String today = portcullis.get("/v1/health", null).string("timestamp").substring(0, 10);
        console.open(portcullis.uri("/")).signIn(Person.in(portcullis, tenant.id(), "admin"), "keys");
        WebElement lastUsed = console.find(By.cssSelector("tr[data-key-id='" + created.string("id") + "'] .last-used"));
        assertFalse(lastUsed.getText().equals("never"), "last_used_at is shown");

        console.go("usage");
        WebElement row = console.find(By.cssSelector("#usage-table tr[data-subject-id='" + created.string("id") + "']"));
        assertEquals(today, row.getDomAttribute("data-day"));
        assertEquals("3", row.findElement(By.cssSelector(".allowed")).getText());
        assertTrue(row.getText().contains("reporting"));

        WebElement bar = console.find(By.cssSelector("#usage-chart g.bar[data-day='" + today + "']"));
        List<WebElement> segments = bar.findElements(By.tagName("rect"));
        assertFalse(segments.isEmpty());
        assertTrue(segments.stream().anyMatch(segment -> segment.findElement(By.tagName("title")).getDomProperty("textContent")
                .startsWith("reporting (")), "a segment of the day's bar is the key's");
        assertTrue(console.find(By.id("usage-totals")).getText().contains("admitted"));
    }
}
