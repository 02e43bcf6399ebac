package io.quanyu.console.app;

import io.quanyu.console.domain.Reply;
import io.quanyu.support.Caller;
import io.quanyu.support.Role;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What every page shares: who is signed in (else a redirect to the sign-in page), the language, the layout's data. */
@ApplicationScoped
public class Pages {

    /** The request as a page sees it: the signed-in caller, their token for the backends, the language. */
    public record Visit(Caller caller, String token, Locale locale) {
        public boolean admin() {
            return caller.role() == Role.ADMIN;
        }
    }

    private final Session session;

    public Pages(Session session) {
        this.session = session;
    }

    public Optional<Visit> visit(HttpHeaders headers) {
        String token = value(headers.getCookies().get(Session.TOKEN_COOKIE));
        Locale locale = locale(headers);
        return session.who(token).map(c -> new Visit(c, token.trim(), locale));
    }

    public static Locale locale(HttpHeaders headers) {
        return Session.locale(value(headers.getCookies().get(Session.LANG_COOKIE)), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static Response toSignIn() {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    /**
     * Renders a page of the layout. Every reply that did not succeed is listed as a message at the top, so a service
     * that is down or refuses the credential is said in words, never as a stack trace.
     */
    public Response render(Template template, Visit visit, String nav, Map<String, Object> data, List<Reply> replies) {
        List<String> errors = new ArrayList<>();
        for (Reply r : replies) {
            if (r != null && !r.ok() && r.status() != 404) {
                errors.add(r.error());
            }
        }
        Object extra = data.get("errors");
        if (extra instanceof List<?> l) {
            l.forEach(e -> errors.add(String.valueOf(e)));
        }
        TemplateInstance t = template.instance();
        data.forEach(t::data);
        t.data("errors", errors.stream().filter(Objects::nonNull).distinct().toList())
                .data("nav", nav)
                .data("role", visit.caller().role().scheme())
                .data("admin", visit.admin())
                .data("lang", visit.locale().getLanguage())
                .setLocale(visit.locale());
        return Response.ok(t.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    private static String value(Cookie c) {
        return c == null ? null : c.getValue();
    }
}
