package dev.portcullis.console;

import dev.portcullis.access.Unauthenticated;
import dev.portcullis.errors.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /console/}: the console's files from the WAR's {@code /console} folder. Only names of lower-case
 * letters, digits and dashes, in folders of the same, with a known extension are looked up: no dots
 * but the extension's, so nothing outside that folder can be named. {@code @Unauthenticated}: the pages
 * are public; what they show comes from the API, with the credential the person signs in with.
 */
@Path("console")
@ApplicationScoped
@Unauthenticated
public class ConsoleResource {

    /**
     * Scripts, styles and requests to this origin only; no inline script or style, no plugins, no
     * framing, no {@code <base>}, no native form submission (a form whose script failed would otherwise
     * send its password in a URL). Trusted Types make {@code innerHTML} and the other HTML sinks throw,
     * so nothing the API returns can become markup.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    private static final Pattern FILE = Pattern.compile("(?:[a-z0-9][a-z0-9-]*/)*[a-z0-9][a-z0-9-]*\\.(html|css|js|svg|png)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");
    /**
     * Files cannot change while the WAR is deployed, so each is read once. Only files found are kept:
     * made-up names must not fill the map.
     */
    private final Map<String, ConsoleFile> files = new ConcurrentHashMap<>();

    @Context
    ServletContext servletContext;

    private record ConsoleFile(byte[] content, String type, EntityTag tag) {
    }

    /** {@code /console} without the slash would resolve the page's relative links against {@code /}. */
    @GET
    public Response index(@Context UriInfo uri, @Context Request request) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return secured(Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("console/")));
        }
        return file("index.html", request);
    }

    @GET
    @Path("{file: .+}")
    public Response file(@PathParam("file") String name, @Context Request request) {
        ConsoleFile file = files.get(name);
        if (file == null) {
            file = read(name).orElseThrow(() -> new NotFound("Console file"));
            files.put(name, file);
        }
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(file.tag());
        if (unchanged != null) {
            return secured(unchanged);
        }
        return secured(Response.ok(file.content(), file.type()).tag(file.tag()));
    }

    private Optional<ConsoleFile> read(String name) {
        Matcher known = FILE.matcher(name);
        if (!known.matches()) {
            return Optional.empty();
        }
        try (InputStream in = servletContext.getResourceAsStream("/console/" + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] content = in.readAllBytes();
            return Optional.of(new ConsoleFile(content, TYPES.get(known.group(1)), new EntityTag(sha256(content))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file names do not change with their content, so a browser asks again each time ({@code no-cache})
     * and gets a 304 while the ETag still matches.
     */
    private static Response secured(Response.ResponseBuilder response) {
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        revalidate.setNoTransform(false);
        return response.cacheControl(revalidate)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                .build();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
