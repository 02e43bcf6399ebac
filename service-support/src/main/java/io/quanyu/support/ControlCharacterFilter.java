package io.quanyu.support;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refuses with 400 a request whose decoded path or query holds a control character (U+0000 … U+001F, U+007F … U+009F). */
@Provider
@PreMatching
public class ControlCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // Ids from the path and query reach PostgreSQL, which refuses a NUL in text (and the refusal read as a database
        // outage, 503), and logs, where a newline forges a line: no API of the suite has a use for them.
        reason(request).ifPresent(r -> request.abortWith(ApiError.response(Response.Status.BAD_REQUEST, "invalid_request", r)));
    }

    private static Optional<String> reason(ContainerRequestContext request) {
        String path;
        MultivaluedMap<String, String> query;
        try {
            path = request.getUriInfo().getPath(true);
            query = request.getUriInfo().getQueryParameters(true);
        } catch (IllegalArgumentException e) {
            return Optional.of("the URL's percent-encoding is malformed");
        }
        int at = controlAt(path);
        if (at >= 0) {
            return Optional.of("the path holds a control character (" + codePoint(path, at) + "); ids never contain one");
        }
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (controlAt(e.getKey()) >= 0) {
                return Optional.of("a query parameter's name holds a control character");
            }
            for (String value : e.getValue()) {
                at = controlAt(value);
                if (at >= 0) {
                    return Optional.of("query parameter '" + e.getKey() + "' holds a control character (" + codePoint(value, at) + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** Index of the first C0 or C1 control character (DEL included), or -1. */
    static int controlAt(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    private static String codePoint(String s, int at) {
        return String.format("U+%04X", (int) s.charAt(at));
    }
}
