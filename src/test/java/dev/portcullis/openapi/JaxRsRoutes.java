package dev.portcullis.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The routes the WAR's JAX-RS resources declare, read from the compiled classes: {@code @Path} on the
 * class and the method, and the HTTP-method annotations (any annotation marked {@code @HttpMethod}).
 * Template variables are written {@code {}}, as {@link OpenApiDocument.Operation#route()} writes the
 * documented ones. A variable with a regular expression that also matches nothing, or a path that
 * goes on with {@code /}, stands for each route it makes: {@code verify{ignored: (/.*)?}} is both
 * {@code verify} and {@code verify/{}}.
 */
final class JaxRsRoutes {

    /** One route, and the Java method that answers it. */
    record Route(String method, String path, Method resourceMethod) {

        String route() {
            return method + " " + path;
        }
    }

    private JaxRsRoutes() {
    }

    /** The routes of every resource class in the directory tree of compiled classes that holds {@code anchor}. */
    static List<Route> besides(Class<?> anchor) {
        java.nio.file.Path classes;
        try {
            classes = java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String root = anchor.getPackageName().replace('.', '/');
        String applicationPath = "";
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve(root))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                if (type.isAnnotationPresent(ApplicationPath.class)) {
                    applicationPath = type.getAnnotation(ApplicationPath.class).value();
                }
                if (type.isAnnotationPresent(Path.class) && !type.isInterface() && !Modifier.isAbstract(type.getModifiers())) {
                    resources.add(type);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        List<Route> routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            for (Method method : resource.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    if (method.isAnnotationPresent(Path.class)) {
                        throw new IllegalStateException(method + " is a sub-resource locator, which this test does not follow");
                    }
                    continue;
                }
                String template = join(applicationPath, resource.getAnnotation(Path.class).value(),
                        method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : "");
                for (String path : expanded(template)) {
                    routes.add(new Route(httpMethod, path, method));
                }
            }
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value().toUpperCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String join(String... parts) {
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            String trimmed = part.replaceAll("^/+|/+$", "");
            if (!trimmed.isEmpty()) {
                path.append('/').append(trimmed);
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    /** The paths a template stands for, its variables written {@code {}}. */
    static List<String> expanded(String template) {
        int open = template.indexOf('{');
        if (open < 0) {
            return List.of(template);
        }
        int close = closingBrace(template, open);
        String variable = template.substring(open + 1, close);
        int colon = variable.indexOf(':');
        String before = template.substring(0, open);
        List<String> forms = new ArrayList<>();
        if (colon < 0) {
            forms.add("{}");
        } else {
            Pattern regex = Pattern.compile(variable.substring(colon + 1).strip());
            boolean afterSlash = before.endsWith("/");
            if (regex.matcher("").matches()) {
                forms.add("");
            }
            if (afterSlash ? regex.matcher("x").matches() : regex.matcher("/x").matches()) {
                forms.add(afterSlash ? "{}" : "/{}");
            }
        }
        List<String> paths = new ArrayList<>();
        for (String form : forms) {
            for (String rest : expanded(template.substring(close + 1))) {
                String path = (before + form + rest).replaceAll("/+$", "");
                paths.add(path.isEmpty() ? "/" : path);
            }
        }
        return paths;
    }

    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            if (template.charAt(i) == '{') {
                depth++;
            } else if (template.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in " + template);
    }
}
