package dev.portcullis.audit.control;

import dev.portcullis.access.Audited;
import dev.portcullis.access.Caller;
import dev.portcullis.access.Secret;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;

/**
 * Records an {@link Audited} resource method's change once it returned, inside its transaction (this
 * interceptor runs within {@code @Transactional}'s, which has a lower priority). The changed fields
 * are the request body's as sent (the fields a client left out are not changed), in the API's own
 * snake_case; a {@link Secret} field is named with a placeholder for its value.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class AuditedChanges {

    static final String SECRET_VALUE = "[secret]";
    private static final Set<Class<? extends Annotation>> NOT_A_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class, BeanParam.class, Context.class);
    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    @Inject
    AuditTrail trail;

    @Inject
    Caller caller;

    @AroundInvoke
    public Object record(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        Method method = invocation.getMethod();
        Audited audited = method.isAnnotationPresent(Audited.class) ? method.getAnnotation(Audited.class)
                : method.getDeclaringClass().getAnnotation(Audited.class);
        trail.changed(audited.value(), audited.of(), target(method, invocation.getParameters(), result, audited.of()),
                changes(method, invocation.getParameters()));
        return result;
    }

    private String target(Method method, Object[] arguments, Object result, Audited.Of of) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            PathParam path = parameters[i].getAnnotation(PathParam.class);
            if (path != null && List.of("id", "name").contains(path.value()) && arguments[i] != null) {
                return arguments[i].toString();
            }
        }
        if (result instanceof Response response && response.getLocation() != null) {
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
        return of == Audited.Of.TENANT ? caller.tenantId() : null;
    }

    /** The request body's fields, or none when the method takes no body. */
    static JsonObject changes(Method method, Object[] arguments) {
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            if (isBody(parameters[i])) {
                return arguments[i] == null ? JsonValue.EMPTY_JSON_OBJECT : fieldsOf(arguments[i]);
            }
        }
        return JsonValue.EMPTY_JSON_OBJECT;
    }

    static JsonObject fieldsOf(Object body) {
        JsonValue value = Json.createReader(new StringReader(JSON.toJson(body))).readValue();
        if (!(value instanceof JsonObject sent)) {
            return Json.createObjectBuilder().add("body", value).build();
        }
        if (!body.getClass().isRecord()) {
            return sent;
        }
        JsonObjectBuilder fields = Json.createObjectBuilder(sent);
        for (RecordComponent component : body.getClass().getRecordComponents()) {
            JsonbProperty named = component.getAccessor().getAnnotation(JsonbProperty.class);
            String name = named != null ? named.value() : snakeCase(component.getName());
            if (component.isAnnotationPresent(Secret.class) && sent.containsKey(name)) {
                fields.add(name, SECRET_VALUE);
            }
        }
        return fields.build();
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (NOT_A_BODY.contains(annotation.annotationType())) {
                return false;
            }
        }
        return true;
    }

    /** JSON-B's {@code LOWER_CASE_WITH_UNDERSCORES}, which the API's bodies use. */
    static String snakeCase(String javaName) {
        return javaName.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
