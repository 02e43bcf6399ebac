package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.config.ConsoleConfig;
import io.quanyu.console.domain.CustomerKey;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Customer 360: a customer found by user id, member card or phone (hashed here before the lookup); the portrait from
 * profile, its unverified keys and identity conflicts, recent events and orders from profile's export (purchases and refunds among
 * them), recommendations with reasons from the recommender; export
 * and erasure for admins. Every call carries the signed-in user's token.
 */
@Path("/customers")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CustomerPage {

    private static final int TIMELINE = 25;

    private final Template customers;
    private final Pages pages;
    private final Backends backends;
    private final ConsoleConfig config;

    public CustomerPage(Template customers, Pages pages, Backends backends, ConsoleConfig config) {
        this.customers = customers;
        this.pages = pages;
        this.backends = backends;
        this.config = config;
    }

    @GET
    public Response get(@QueryParam("key") String key, @QueryParam("kind") String kind, @QueryParam("notice") String notice,
                        @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        String token = visit.get().token();
        Map<String, Object> data = new HashMap<>();
        data.put("key", key == null ? "" : key);
        data.put("kind", CustomerKey.kind(kind).name().toLowerCase());
        data.put("back", "/customers");
        data.put("notice", notice);
        List<Reply> replies = new ArrayList<>();
        if (key != null && !key.isBlank()) {
            String lookup;
            try {
                lookup = CustomerKey.lookup(CustomerKey.kind(kind), key, config.piiSecret().orElse(null));
            } catch (IllegalStateException e) {
                data.put("errors", List.of(e.getMessage()));
                return pages.render(customers, visit.get(), "customers", data, replies);
            }
            Reply portrait = backends.get(Service.PROFILE, "/v1/profiles/" + enc(lookup), token).join();
            replies.add(portrait);
            data.put("searched", true);
            if (portrait.ok()) {
                String id = portrait.body().path("customer_id").asText(lookup);
                String user = portrait.body().path("user_id").asText(null);
                CompletableFuture<Reply> export = backends.get(Service.PROFILE, "/v1/profiles/" + enc(id) + "/export", token);
                CompletableFuture<Reply> recs = backends.get(Service.RECOMMENDER, "/v1/recommendations/" + enc(user != null ? user : id) + "?limit=10", token);
                CompletableFuture<Reply> identity = backends.get(Service.PROFILE, "/v1/profiles/" + enc(id) + "/identity?limit=20", token);
                CompletableFuture<Reply> chats = backends.get(Service.CHATBOT, "/v1/chat/turns?limit=20" + keyParams(portrait.body().path("keys")), token);
                data.put("p", Views.plain(portrait.body()));
                Reply e = export.join();
                Reply r = recs.join();
                replies.add(e);
                replies.add(r);
                List<JsonNode> events = new ArrayList<>();
                if (e.ok()) {
                    e.body().path("tables").path("customer_event").forEach(events::add);
                }
                events.sort(Comparator.comparing((JsonNode n) -> n.path("at").asText()).reversed());
                data.put("timeline", events.stream().limit(TIMELINE).map(Views::plain).toList());
                data.put("recs", r.ok() ? Views.list(r.body().path("items")) : List.of());
                // Unverified phone/e-mail/card keys and refused links: why this customer was not merged with another.
                Reply i = identity.join();
                replies.add(i);
                if (i.ok()) {
                    data.put("identity", Views.plain(i.body()));
                }
                Reply ch = chats.join();
                replies.add(ch);
                data.put("turns", ch.ok() ? Views.list(ch.body().path("turns")) : List.of());
                data.put("handoffs", ch.ok() ? Views.list(ch.body().path("handoffs")) : List.of());
            } else if (portrait.status() == 404) {
                data.put("notFound", true);
            }
        }
        return pages.render(customers, visit.get(), "customers", data, replies);
    }

    @GET
    @Path("/export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export(@QueryParam("id") String id, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        if (id == null || id.isBlank()) {
            return Response.status(400).entity(Map.of("error", "invalid_request", "message", "id is required")).build();
        }
        Reply r = backends.get(Service.PROFILE, "/v1/profiles/" + enc(id) + "/export", visit.get().token()).join();
        if (!r.ok()) {
            return Response.status(r.status() == 0 ? 502 : r.status()).entity(Map.of("error", "backend", "message", r.error())).build();
        }
        return Response.ok(r.body()).header("Content-Disposition", "attachment; filename=\"customer-export.json\"").build();
    }

    @POST
    @Path("/erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response erase(@FormParam("id") String id, @FormParam("confirm") String confirm, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        String notice;
        if (id == null || !id.equals(confirm)) {
            notice = "not erased: the confirmation did not match the customer id";
        } else {
            // Sent with the signed-in token: a reader is refused by profile itself (403), as from a script.
            Reply r = backends.send(Service.PROFILE, "DELETE", "/v1/profiles/" + enc(id), visit.get().token(), null).join();
            notice = r.ok() ? "erased " + id + " (" + r.body().path("erased_keys").size() + " keys); the other services erase on privacy.erasure.v1"
                    : "not erased: " + r.error();
        }
        return Response.seeOther(java.net.URI.create("/customers?notice=" + enc(notice))).build();
    }

    /** {@code &key=...} for each of the customer's keys (the chatbot takes up to 50). */
    private static String keyParams(JsonNode keys) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (JsonNode k : keys) {
            if (n++ == 50) {
                break;
            }
            sb.append("&key=").append(enc(k.asText()));
        }
        return sb.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
