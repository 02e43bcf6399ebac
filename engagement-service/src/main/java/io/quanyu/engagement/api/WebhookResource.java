package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Invalid;
import io.quanyu.engagement.domain.Text;
import io.quanyu.engagement.domain.Webhook;
import io.quanyu.engagement.store.Webhooks;
import io.quanyu.support.Admin;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outgoing webhooks per channel: admins define them, the back office reads them and their deliveries, admins redrive dead ones. */
@Path("/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks")
public class WebhookResource {

    /** A webhook as an admin sends it. */
    public record WebhookRequest(String url, String secret, Boolean active, Integer maxAttempts) {
    }

    /** A webhook as the API shows it: never its secret. */
    public record WebhookView(String channel, String url, boolean active, int maxAttempts, Instant createdAt, Instant updatedAt) {

        static WebhookView of(Webhooks.Stored s) {
            Webhook w = s.webhook();
            return new WebhookView(w.channel(), w.url(), w.active(), w.maxAttempts(), s.createdAt(), s.updatedAt());
        }
    }

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> STATES = Set.of("pending", "delivered", "dead");

    private final Webhooks webhooks;

    public WebhookResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PUT
    @Path("/{channel}")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a channel's webhook (admin)", description = "{url (http or https, no credentials), secret (at least "
            + "32 bytes; signs each request, never returned), active (default true), max_attempts (default 8, 1 to 50)}. 201 created, 200 "
            + "replaced. Actions decided from its creation on are POSTed to it; a replaced webhook keeps its creation time.")
    public Response put(@PathParam("channel") String channel, WebhookRequest body) throws SQLException {
        if (body == null) {
            throw new Invalid("send {\"url\": …, \"secret\": …} as a JSON object");
        }
        Webhook w = Webhook.of(channel, body.url(), body.secret(), body.active(), body.maxAttempts());
        boolean created = webhooks.save(w, Instant.now());
        return Response.status(created ? 201 : 200).entity(find(w.channel())).build();
    }

    @GET
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "Every channel's webhook (reader)", description = "Without secrets.")
    public List<WebhookView> list() throws SQLException {
        return webhooks.list(false).stream().map(WebhookView::of).toList();
    }

    @DELETE
    @Path("/{channel}")
    @Admin
    @Operation(summary = "Remove a channel's webhook (admin)", description = "204; its pending deliveries become dead (\"webhook deleted\") and can "
            + "be redriven once a webhook is defined again; delivered and dead ones stay listed.")
    public Response delete(@PathParam("channel") String channel) throws SQLException {
        String c = Webhook.channel(channel);
        if (!webhooks.delete(c, Instant.now())) {
            throw Rejected.notFound("no webhook for channel '" + c + "'");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/deliveries")
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "Deliveries, most recently changed first (reader)", description = "state: pending, delivered or dead (the dead letters, "
            + "with the last HTTP status or error); channel; limit (default 100, at most 1000).")
    public List<Webhooks.Delivery> deliveries(@QueryParam("state") String state, @QueryParam("channel") String channel,
                                              @QueryParam("limit") String limit) throws SQLException {
        if (state != null && !STATES.contains(state)) {
            throw new Invalid("state must be one of pending, delivered, dead");
        }
        return webhooks.deliveries(state, channel == null ? null : Webhook.channel(channel), limit(limit));
    }

    @POST
    @Path("/deliveries/{id}/retry")
    @Admin
    @Operation(summary = "Redrive a dead delivery (admin)", description = "200 with the delivery, pending again from its first attempt (same "
            + "delivery id, so a receiver that got it before sees a duplicate); 404 unknown; 409 when it is not dead.")
    public Webhooks.Delivery retry(@PathParam("id") String id) throws SQLException {
        UUID uuid = uuid(id);
        switch (webhooks.redrive(uuid, Instant.now())) {
            case NOT_FOUND -> throw Rejected.notFound("no delivery '" + id + "'");
            case NOT_DEAD -> throw new Rejected(409, "not_dead", "delivery " + id + " is not dead: only dead deliveries are redriven");
            default -> {
            }
        }
        return webhooks.delivery(uuid).orElseThrow(() -> Rejected.notFound("no delivery '" + id + "'"));
    }

    private WebhookView find(String channel) throws SQLException {
        return webhooks.list(false).stream().filter(s -> s.webhook().channel().equals(channel)).findFirst().map(WebhookView::of)
                .orElseThrow(() -> Rejected.notFound("no webhook for channel '" + channel + "'"));
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Invalid("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static UUID uuid(String id) {
        try {
            if (id != null && id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw Rejected.notFound("no delivery '" + Text.shorten(id) + "'");
    }
}
