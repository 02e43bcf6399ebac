package io.quanyu.profile.api;

import io.quanyu.support.ApiError;
import io.quanyu.support.Admin;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.PortraitView;
import io.quanyu.profile.messaging.ErasureRelay;
import io.quanyu.profile.messaging.PortraitViews;
import io.quanyu.profile.store.ErasureOutbox;
import io.quanyu.profile.store.ErasureStore;
import io.quanyu.profile.store.ProfileStore;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Portraits by any of a customer's ids, their export and their erasure. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    private final DataSource dataSource;
    private final ProfileStore store;
    private final ErasureStore erasures;
    private final PortraitViews views;
    private final ErasureOutbox outbox;
    private final ErasureRelay relay;

    public ProfileResource(DataSource dataSource, ProfileStore store, ErasureStore erasures, PortraitViews views, ErasureOutbox outbox,
                           ErasureRelay relay) {
        this.dataSource = dataSource;
        this.store = store;
        this.erasures = erasures;
        this.views = views;
        this.outbox = outbox;
        this.relay = relay;
    }

    @GET
    @Path("/{id}")
    @Roles(Role.READER)
    @Operation(summary = "A customer's portrait (reader)", description = "By user id (42 or u:42) or any linked key (a:<anonymous id>, a:card:<card>...)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PortraitView.class)))
    @APIResponse(responseCode = "404", description = "No customer has this id")
    public Response get(@Parameter(description = "User id or user key") @PathParam("id") String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> customer = resolve(c, id);
            Optional<Portrait> p = customer.isEmpty() ? Optional.empty() : store.find(c, customer.get());
            if (p.isEmpty()) {
                return notFound(id);
            }
            Double[] scores = store.scoresOf(c, customer.get());
            return Response.ok(views.view(p.get(), store.keysOf(c, customer.get()), scores[0], scores[1], store.segmentsOf(c, customer.get()))).build();
        }
    }

    @GET
    @Path("/{id}/export")
    @Roles(Role.READER)
    @Operation(summary = "Everything held about a customer (GDPR access; reader)", description = "Every row of every table that names the customer, plus the served portrait. Reader or admin.")
    @APIResponse(responseCode = "200", description = "portrait plus the rows of each table")
    @APIResponse(responseCode = "404", description = "No customer has this id")
    public Response export(@PathParam("id") String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> customer = resolve(c, id);
            if (customer.isEmpty()) {
                return notFound(id);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customer_id", customer.get());
            out.put("exported_at", Instant.now());
            Optional<Portrait> p = store.find(c, customer.get());
            p.ifPresent(portrait -> out.put("portrait", views.view(portrait, List.of(), null, null, null)));
            Map<String, List<JsonNode>> tables = new LinkedHashMap<>();
            for (String[] table : ErasureStore.CUSTOMER_TABLES) {
                tables.put(table[0], rows(c, table[0], table[1], customer.get()));
            }
            out.put("tables", tables);
            return Response.ok(out).build();
        }
    }

    @DELETE
    @Path("/{id}")
    @Admin
    @Operation(summary = "Erase a customer (GDPR erasure)", description = "Deletes every row about the customer and, in the same transaction, "
            + "stores the erasure request for privacy.erasure.v1, the tombstone for profile.updates.v1 and this service's acknowledgement "
            + "in an outbox; a relay publishes them as soon as the broker takes them, so an outage delays the other services' erasure but "
            + "cannot lose it. Admin.")
    @APIResponse(responseCode = "202", description = "Erased here; the request to the other services is stored and being published. "
            + "Body: customer_id, erased_keys, erased_at")
    @APIResponse(responseCode = "404", description = "No customer has this id")
    @APIResponse(responseCode = "503", description = "The database is not answering; retry")
    public Response erase(@PathParam("id") String id) throws Exception {
        Instant at = Instant.now();
        String customer;
        List<String> keys;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<String> found = resolve(c, id);
                if (found.isEmpty()) {
                    c.rollback();
                    return notFound(id);
                }
                customer = found.get();
                keys = erasures.erase(c, customer, at);
                outbox.add(c, ErasureRelay.records(customer, keys, at));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        relay.nudge();
        return Response.accepted(Map.of("customer_id", customer, "erased_keys", keys.size(), "erased_at", at)).build();
    }

    private Optional<String> resolve(Connection c, String id) throws SQLException {
        return store.resolve(c, id);
    }

    private static List<JsonNode> rows(Connection c, String table, String column, String customer) throws SQLException {
        List<JsonNode> out = new java.util.ArrayList<>();
        // Table and column names come from the fixed list in ErasureStore, never from the request.
        try (PreparedStatement ps = c.prepareStatement("SELECT row_to_json(t)::text FROM " + table + " t WHERE " + column + " = ?")) {
            ps.setString(1, customer);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(Json.MAPPER.readTree(rs.getString(1)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return out;
    }

    private static Response notFound(String id) {
        return ApiError.response(Status.NOT_FOUND, "not_found", "no customer has the id '" + id + "'");
    }
}
