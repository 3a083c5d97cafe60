package dev.portcullis.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpHeaders;

/** One HTTP response as the tests read it. */
public record Reply(int status, HttpHeaders headers, String body) {

    public JsonObject json() {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("Not a JSON object (status " + status + "): " + body, e);
        }
    }

    public String string(String field) {
        JsonValue value = json().get(field);
        return value == null || value == JsonValue.NULL ? null : json().getString(field);
    }

    public JsonArray data() {
        return json().getJsonArray("data");
    }

    public JsonObject error() {
        return json().getJsonObject("error");
    }

    public String errorCode() {
        return error().getString("code");
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
