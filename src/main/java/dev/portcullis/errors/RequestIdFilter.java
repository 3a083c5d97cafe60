package dev.portcullis.errors;

import dev.portcullis.Ids;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in {@code X-Request-ID} and in every error envelope, so a client's
 * report can be matched with the server log. A caller-supplied id is kept only when it is short and
 * plain, so it cannot smuggle anything into logs. The id is also how code below the servlet layer
 * (the SQL statement counter) knows it runs on behalf of an HTTP request.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-ID";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static String current() {
        return CURRENT.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String offered = request.getHeader(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : "req_" + Ids.randomBase62(16);
        response.setHeader(HEADER, id);
        CURRENT.set(id);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
