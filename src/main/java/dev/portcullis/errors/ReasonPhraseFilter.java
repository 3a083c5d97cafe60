package dev.portcullis.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the status line the standard reason phrase for the codes Payara's HTTP layer (Grizzly) has no
 * phrase of its own for: it would send {@code HTTP/1.1 429 CUSTOM}, where the MedTWIN seed documents
 * {@code HTTP/1.1 429 Too Many Requests}. Grizzly takes a phrase only through its own response object,
 * which no servlet API reaches since Servlet 6 dropped {@code setStatus(int, String)}; that object is
 * found by reflection, once. Where it cannot be found (another server), the phrase is left as it is.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ReasonPhraseFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(ReasonPhraseFilter.class.getName());
    /** RFC 9110 and RFC 6585 codes missing from Grizzly's table. */
    private static final Map<Integer, String> MISSING = Map.of(
            422, "Unprocessable Content",
            428, "Precondition Required",
            429, "Too Many Requests",
            451, "Unavailable For Legal Reasons");

    private static volatile Reach reach;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status);
                String phrase = MISSING.get(status);
                if (phrase != null) {
                    withPhrase(response, status, phrase);
                }
            }
        });
    }

    private static void withPhrase(ServletResponse response, int status, String phrase) {
        ServletResponse container = response;
        while (container instanceof ServletResponseWrapper wrapper) {
            container = wrapper.getResponse();
        }
        try {
            Reach found = reach;
            if (found == null || found.facade != container.getClass()) {
                found = Reach.of(container.getClass());
                reach = found;
            }
            found.setStatus(container, status, phrase);
        } catch (Throwable unreachable) {
            LOG.log(Level.FINE, "Cannot set the reason phrase of a " + status + " on " + container.getClass(), unreachable);
        }
    }

    /**
     * Payara's path: the servlet response is a Catalina {@code ResponseFacade}; its {@code response} field
     * holds the Catalina response, whose {@code getCoyoteResponse()} is Grizzly's, which has
     * {@code setStatus(int, String)}.
     */
    private record Reach(Class<?> facade, Field catalina, MethodHandle grizzly, MethodHandle setStatus) {

        static Reach of(Class<?> facade) throws ReflectiveOperationException {
            Field field = field(facade, "response");
            field.setAccessible(true);
            Class<?> catalina = field.getType();
            var lookup = MethodHandles.publicLookup();
            MethodHandle coyote = lookup.unreflect(catalina.getMethod("getCoyoteResponse"));
            MethodHandle status = lookup.findVirtual(coyote.type().returnType(), "setStatus",
                    MethodType.methodType(void.class, int.class, String.class));
            return new Reach(facade, field, coyote, status);
        }

        void setStatus(Object facadeInstance, int status, String phrase) throws Throwable {
            setStatus.invoke(grizzly.invoke(catalina.get(facadeInstance)), status, phrase);
        }

        private static Field field(Class<?> type, String name) throws NoSuchFieldException {
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                try {
                    return c.getDeclaredField(name);
                } catch (NoSuchFieldException notHere) {
                    // look further up
                }
            }
            throw new NoSuchFieldException(name);
        }
    }
}
