package dev.portcullis.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI 3.0 document as the contract tests read it: its operations, and what a real exchange with
 * the server must look like by it. Bodies are checked with the JSON Schema validator's OpenAPI 3.0
 * dialect (which knows {@code nullable}) against the document's own schemas, {@code $ref}s into its
 * components resolved in place.
 *
 * <p>The document leaves response objects open, so that clients ignore fields added later. The tests
 * hold the server to more: every object schema with {@code properties} is closed here before any
 * response is checked, so a field the server sends and the document does not name fails the test.
 */
final class OpenApiDocument {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    /** Where the validator finds the document; nothing is fetched from it. */
    private static final String BASE = "https://portcullis.invalid/openapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]*}");
    /** Response headers that are the API's own: present on an answer, they must be documented for it. */
    private static final Pattern OWN_HEADER = Pattern.compile(
            "x-request-id|x-ratelimit-.*|ratelimit.*|retry-after|www-authenticate|x-portcullis-.*|location|cache-control");

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        String closed = JSON.writeValueAsString(closed(document.deepCopy()));
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(), builder -> builder.schemas(Map.of(BASE, closed)));
    }

    static OpenApiDocument fromJson(String json) {
        return new OpenApiDocument(JSON.readTree(json));
    }

    static OpenApiDocument fromYaml(String yaml) {
        return new OpenApiDocument(YAML.readTree(yaml));
    }

    static JsonNode yamlTree(String yaml) {
        return YAML.readTree(yaml);
    }

    JsonNode tree() {
        return document;
    }

    /** One documented operation. */
    record Operation(String method, String path, JsonNode node) {

        /** {@code GET /v1/keys/{}}: the route with its variables unnamed, as {@link JaxRsRoutes} writes them. */
        String route() {
            return method.toUpperCase(Locale.ROOT) + " " + TEMPLATE_VARIABLE.matcher(path).replaceAll("{}");
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    operations.add(new Operation(method, path.getKey(), path.getValue().get(method)));
                }
            }
        }
        return operations;
    }

    /** What the request and its answer break of the document; empty when they keep to it. */
    List<String> problemsWith(String method, String path, String requestBody, int status, HttpHeaders headers, String body) {
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            return List.of("no documented operation for " + method + " " + path);
        }
        Operation operation = found.get();
        String where = operation.method().toUpperCase(Locale.ROOT) + " " + operation.path() + " " + status;
        List<String> problems = new ArrayList<>();
        JsonNode response = operation.node().path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            return List.of(where + ": status " + status + " is not documented for this operation");
        }
        Located answer = resolve(new Located(response, null));
        checkHeaders(where, answer.node().path("headers"), headers, problems);
        JsonNode content = answer.node().path("content").path("application/json").path("schema");
        if (content.isMissingNode()) {
            if (body != null && !body.isEmpty()) {
                problems.add(where + ": the document gives this answer no body, but it has one: " + body);
            }
        } else {
            problems.addAll(validate(where + " body", content, body));
        }
        JsonNode requestSchema = operation.node().path("requestBody").path("content").path("application/json").path("schema");
        if (status < 300 && requestBody != null && !requestSchema.isMissingNode()) {
            problems.addAll(validate(where + " request body", requestSchema, requestBody));
        }
        return problems;
    }

    /** The operation a concrete path and method fall to: the path with the fewest variables wins, as in JAX-RS. */
    Optional<Operation> operation(String method, String path) {
        return operations().stream()
                .filter(operation -> operation.method().equalsIgnoreCase(method) && matches(operation.path(), path))
                .min(Comparator.comparingLong(operation -> TEMPLATE_VARIABLE.matcher(operation.path()).results().count()));
    }

    private static boolean matches(String template, String path) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = TEMPLATE_VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return path.matches(regex.toString());
    }

    private void checkHeaders(String where, JsonNode documented, HttpHeaders headers, List<String> problems) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Map.Entry<String, JsonNode> entry : documented.properties()) {
            String name = entry.getKey();
            names.add(name);
            Located header = resolve(new Located(entry.getValue(), null));
            Optional<String> value = headers.firstValue(name);
            if (value.isEmpty()) {
                if (header.node().path("required").asBoolean(false)) {
                    problems.add(where + ": the required header " + name + " is missing");
                }
                continue;
            }
            JsonNode schema = header.node().path("schema");
            JsonNode type = resolve(new Located(schema, null)).node().path("type");
            String json = "integer".equals(type.asString(""))
                    ? (value.get().matches("-?[0-9]{1,18}") ? value.get() : JSON.writeValueAsString(value.get()))
                    : JSON.writeValueAsString(value.get());
            problems.addAll(validate(where + " header " + name + ": " + value.get(), schema, json));
        }
        for (String present : headers.map().keySet()) {
            if (OWN_HEADER.matcher(present.toLowerCase(Locale.ROOT)).matches() && !names.contains(present)) {
                problems.add(where + ": the header " + present + " is sent but not documented for this answer");
            }
        }
    }

    /** A node of the document, and its JSON pointer when it is in the components (null elsewhere). */
    private record Located(JsonNode node, String pointer) {
    }

    /** Follows {@code $ref}s to what they name. */
    private Located resolve(Located located) {
        Located current = located;
        for (int hops = 0; current.node().has("$ref"); hops++) {
            String ref = current.node().get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 10) {
                throw new IllegalStateException("Unresolvable $ref " + ref);
            }
            current = new Located(document.at(ref.substring(1)), ref.substring(1));
            if (current.node().isMissingNode()) {
                throw new IllegalStateException("Unresolvable $ref " + ref);
            }
        }
        return current;
    }

    private List<String> validate(String what, JsonNode schemaNode, String json) {
        Located schema = schemaNode.has("$ref") ? resolve(new Located(schemaNode, null)) : locate(schemaNode);
        if (schema.pointer() == null) {
            return List.of(what + ": the schema is written inline outside the components, where the test cannot address it");
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(json);
        } catch (RuntimeException notJson) {
            return List.of(what + ": not JSON: " + json);
        }
        Schema validator = schemas.getSchema(SchemaLocation.of(BASE + "#" + schema.pointer()));
        List<Error> errors = validator.validate(instance, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
        return errors.stream().map(error -> what + ": " + error + " in " + json).toList();
    }

    /** The pointer of an inline schema among the components' headers, where the header schemas are. */
    private Located locate(JsonNode schemaNode) {
        for (Map.Entry<String, JsonNode> header : document.path("components").path("headers").properties()) {
            if (header.getValue().path("schema") == schemaNode) {
                return new Located(schemaNode, "/components/headers/" + escape(header.getKey()) + "/schema");
            }
        }
        return new Located(schemaNode, null);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Every object schema that names its properties gets {@code additionalProperties: false}, unless it says otherwise. */
    private static JsonNode closed(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.set("additionalProperties", JsonNodeFactory.instance.booleanNode(false));
            }
            for (Map.Entry<String, JsonNode> entry : new LinkedHashMap<>(asMap(object)).entrySet()) {
                closed(entry.getValue());
            }
        } else if (node.isArray()) {
            node.values().forEach(OpenApiDocument::closed);
        }
        return node;
    }

    private static Map<String, JsonNode> asMap(ObjectNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue()));
        return map;
    }
}
