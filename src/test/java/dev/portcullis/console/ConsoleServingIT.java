package dev.portcullis.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.testing.DatabaseIndependent;
import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import dev.portcullis.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the WAR serves the console's files: over HTTP alone, no browser needed. */
@PortcullisTest
@DatabaseIndependent
class ConsoleServingIT {

    @Test
    void slashConsoleRedirectsToTheFolderSoRelativeLinksResolve(Portcullis portcullis) {
        Reply redirect = portcullis.get("/console", null);
        assertEquals(301, redirect.status());
        assertEquals("/console/", portcullis.uri(redirect.header("Location")).getPath());
    }

    @Test
    void thePagesComeWithTheirSecurityHeadersAndWithoutACredential(Portcullis portcullis) {
        Reply index = portcullis.get("/console/", null);
        assertEquals(200, index.status());
        assertEquals("text/html;charset=utf-8", index.header("Content-Type").replace(" ", "").toLowerCase());
        String policy = index.header("Content-Security-Policy");
        for (String directive : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                "base-uri 'none'", "frame-ancestors 'none'", "form-action 'none'", "require-trusted-types-for 'script'")) {
            assertTrue(policy.contains(directive), policy);
        }
        assertTrue(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), policy);
        assertEquals("nosniff", index.header("X-Content-Type-Options"));
        assertEquals("no-referrer", index.header("Referrer-Policy"));
        assertEquals("no-cache", index.header("Cache-Control"));
        assertTrue(index.body().contains("<script type=\"module\" src=\"js/main.js\"></script>"));

        Reply withJunk = portcullis.get("/console/", "not-a-key");
        assertEquals(200, withJunk.status(), "the console's files never look at Authorization");
    }

    @Test
    void eachKindOfFileHasItsContentType(Portcullis portcullis) {
        assertEquals("text/javascript", type(portcullis.get("/console/js/main.js", null)));
        assertEquals("text/javascript", type(portcullis.get("/console/js/views/keys.js", null)));
        assertEquals("text/css", type(portcullis.get("/console/console.css", null)));
        assertEquals("image/svg+xml", type(portcullis.get("/console/icon.svg", null)));
    }

    @Test
    void anUnchangedFileIsAnsweredWith304(Portcullis portcullis) {
        Reply first = portcullis.get("/console/js/main.js", null);
        String tag = first.header("ETag");
        Reply again = portcullis.get("/console/js/main.js", null, "If-None-Match", tag);
        assertEquals(304, again.status());
        assertEquals("", again.body());
    }

    @Test
    void nothingButTheConsolesOwnFilesIsServed(Portcullis portcullis) {
        for (String path : List.of("/console/nothing.js", "/console/WEB-INF/web.xml", "/console/%2e%2e/WEB-INF/web.xml",
                "/console/..%2fWEB-INF%2fweb.xml", "/console/js/../../WEB-INF/beans.xml", "/console/index.html.bak",
                "/console/Index.html", "/console/.hidden.js", "/console/js//main.js", "/console/META-INF/MANIFEST.MF")) {
            Reply refused = portcullis.get(path, null);
            assertEquals(404, refused.status(), path + ": " + refused);
            assertTrue(!refused.body().contains("<web-app") && !refused.body().contains("<beans"), path);
        }
        Reply missing = portcullis.get("/console/nothing.js", null);
        assertEquals("NOT_FOUND", missing.errorCode());
    }

    private static String type(Reply reply) {
        assertEquals(200, reply.status());
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        return reply.header("Content-Type").split(";")[0].strip();
    }
}
