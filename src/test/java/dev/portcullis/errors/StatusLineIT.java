package dev.portcullis.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.testing.Portcullis;
import dev.portcullis.testing.PortcullisTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The raw status line of every refusal carries the reason phrase of its code, as the seeds show them
 * ({@code HTTP/1.1 429 Too Many Requests}, not Payara's {@code 429 CUSTOM}). Read off the socket: HTTP
 * clients do not show the phrase.
 */
@PortcullisTest
class StatusLineIT {

    @Test
    void everyRefusalCarriesTheReasonPhraseOfItsCode(Portcullis portcullis) throws IOException {
        var tenant = portcullis.newTenant();
        String limited = portcullis.newKey(tenant.adminKey(), "{\"name\":\"limited\",\"rate_limit\":{\"per_minute\":1}}").string("key");
        Portcullis.expect(portcullis.get("/v1/health", limited), 200);

        assertEquals("HTTP/1.1 401 Unauthorized", statusLine(portcullis, "GET /v1/keys", null, null));
        assertEquals("HTTP/1.1 403 Forbidden", statusLine(portcullis, "GET /v1/keys", tenant.adminKey(), null,
                "X-Tenant-ID: " + tenant.id()));
        assertEquals("HTTP/1.1 404 Not Found", statusLine(portcullis, "GET /v1/no-such-thing", null, null));
        assertEquals("HTTP/1.1 405 Method Not Allowed", statusLine(portcullis, "PUT /v1/health", null, "{}"));
        assertEquals("HTTP/1.1 409 Conflict", statusLine(portcullis, "POST /v1/plans", portcullis.adminKey(),
                "{\"name\":\"free\",\"per_minute\":1,\"per_day\":1}"));
        assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine(portcullis, "POST /v1/keys", tenant.adminKey(),
                "{\"name\":\"" + "x".repeat(70_000) + "\"}"));
        assertEquals("HTTP/1.1 415 Unsupported Media Type", statusLine(portcullis, "POST /v1/keys", tenant.adminKey(), "name",
                "Content-Type: text/plain"));
        assertEquals("HTTP/1.1 429 Too Many Requests", statusLine(portcullis, "GET /v1/health", limited, null));
    }

    /** {@code request}: method and path; a JSON body is sent as such unless a header says otherwise. */
    private static String statusLine(Portcullis portcullis, String request, String key, String body, String... headers)
            throws IOException {
        var uri = portcullis.uri("/");
        StringBuilder head = new StringBuilder(request).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (key != null) {
            head.append("Authorization: Bearer ").append(key).append("\r\n");
        }
        boolean typed = false;
        for (String header : headers) {
            head.append(header).append("\r\n");
            typed |= header.startsWith("Content-Type");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            head.append(typed ? "" : "Content-Type: application/json\r\n").append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(content);
            } catch (IOException refusedBeforeTheBodyWasRead) {
                // a server may answer 413 and close before taking the whole body; its answer is still there
            }
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
