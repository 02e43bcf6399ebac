package io.quanyu.console.api;

import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Session;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/** Sign-in with a reader or admin token (kept in an HttpOnly cookie), sign-out, and the zh/en switch. */
@Path("/")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    private final Template signin;
    private final Session session;

    public SignInResource(Template signin, Session session) {
        this.signin = signin;
        this.session = session;
    }

    @GET
    @Path("sign-in")
    public Response page(@QueryParam("refused") String refused, @Context HttpHeaders headers) {
        return form(headers, refused != null);
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @Context HttpHeaders headers) {
        if (session.who(token).isEmpty()) {
            // Back to the form (post/redirect/get), which then says the token was refused; nothing is set.
            return Response.seeOther(URI.create("/sign-in?refused=1")).build();
        }
        return Response.seeOther(URI.create("/")).cookie(session.signIn(token)).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create("/sign-in")).cookie(session.signOut()).build();
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@FormParam("lang") String lang, @FormParam("back") String back) {
        String chosen = "zh".equals(lang) ? "zh" : "en";
        // Back to a page of this console only: an absolute or protocol-relative URL would make this an open redirect.
        URI to = URI.create("/");
        if (back != null && back.startsWith("/") && !back.startsWith("//")) {
            try {
                to = URI.create(back);
            } catch (IllegalArgumentException e) {
                // not a URI: back to the overview
            }
        }
        return Response.seeOther(to).cookie(session.language(chosen)).build();
    }

    private Response form(HttpHeaders headers, boolean refused) {
        Locale locale = Pages.locale(headers);
        String html = signin.instance().data("refused", refused).data("lang", locale.getLanguage()).setLocale(locale).render();
        return Response.ok(html).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }
}
