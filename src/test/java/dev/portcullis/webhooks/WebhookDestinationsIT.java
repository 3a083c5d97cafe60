package dev.portcullis.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.Reply;
import dev.portcullis.testing.StrictPortcullisTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On a server with the default settings (the strict one), destinations inside the network and plain HTTP
 * are refused at registration. Only refusals: a URL that was accepted would be called, and these tests
 * send nothing beyond loopback.
 */
@StrictPortcullisTest
class WebhookDestinationsIT {

    @Test
    void loopbackPrivateLinkLocalAndPlainHttpDestinationsAreRefusedByDefault(Portcullis strict) {
        Portcullis portcullis = strict.overTls();
        var tenant = portcullis.newTenant();
        for (String url : List.of("https://127.0.0.1:8443/hook", "https://localhost/hook", "https://10.0.0.8/hook",
                "https://192.168.0.1/hook", "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "http://93.184.215.14/hook")) {
            Reply refused = portcullis.post("/v1/webhooks", tenant.adminKey(), "{\"url\":\"" + url + "\",\"events\":[\"key.created\"]}");
            assertEquals(400, refused.status(), url + " -> " + refused.body());
            assertEquals("VALIDATION_FAILED", refused.errorCode());
            assertEquals("url", refused.error().getString("field"));
        }
        assertTrue(portcullis.get("/v1/webhooks", tenant.adminKey()).data().isEmpty());
    }
}
