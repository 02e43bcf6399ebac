package io.quanyu.profile.api;

import io.quanyu.support.ApiError;
import io.quanyu.support.Admin;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.SegmentRule;
import io.quanyu.profile.messaging.PortraitViews;
import io.quanyu.profile.messaging.SegmentEvaluator;
import io.quanyu.profile.store.ProfileStore;
import io.quanyu.profile.store.SegmentStore;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Rule segments (created here) and behaviour clusters (created by the clustering job), with their members. */
@Path("/v1/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    /** A new rule segment. */
    @Schema(description = "A rule segment: a condition over the served portrait")
    public record NewSegment(
            @Schema(description = "Id (lower-case letters, digits, - and _); derived from the name when absent") String id,
            @Schema(description = "Display name", required = true) String name,
            @Schema(description = "What the segment is for") String description,
            @Schema(description = "{\"all\"|\"any\":[...]}, {\"not\":{...}} or {\"field\":\"rfm.r\",\"op\":\">=\",\"value\":4}", required = true)
            JsonNode condition) {
    }

    private final SegmentStore segments;
    private final SegmentEvaluator evaluator;
    private final PortraitViews views;
    private final DataSource dataSource;

    public SegmentResource(SegmentStore segments, SegmentEvaluator evaluator, PortraitViews views, DataSource dataSource) {
        this.segments = segments;
        this.evaluator = evaluator;
        this.views = views;
        this.dataSource = dataSource;
    }

    @GET
    @Operation(summary = "Every segment with its member count")
    public List<SegmentStore.Segment> list() throws SQLException {
        return segments.all();
    }

    @POST
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a rule segment", description = "Members are computed at once over every portrait and kept current as portraits change. Admin.")
    @APIResponse(responseCode = "201", description = "Created, with its member count")
    @APIResponse(responseCode = "400", description = "Invalid condition (with JSON paths) or missing name")
    @APIResponse(responseCode = "409", description = "The id is taken")
    public Response create(NewSegment body) throws SQLException {
        if (body == null || body.name() == null || body.name().isBlank()) {
            return ApiError.response(Status.BAD_REQUEST, "schema_violation", "name: is required");
        }
        SegmentRule rule;
        try {
            rule = SegmentRule.parse(body.condition());
        } catch (IllegalArgumentException e) {
            return ApiError.response(Status.BAD_REQUEST, "schema_violation", "condition: " + e.getMessage());
        }
        String id = body.id() != null && !body.id().isBlank() ? body.id().trim()
                : body.name().trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            return ApiError.response(Status.BAD_REQUEST, "schema_violation", "id: lower-case letters, digits, - and _ only, was '" + id + "'");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (!segments.create(c, id, body.name().trim(), "rule", body.condition(), body.description())) {
                c.rollback();
                return ApiError.response(Status.CONFLICT, "conflict", "a segment '" + id + "' exists");
            }
            List<String[]> members = new ArrayList<>();
            // Backfill over every portrait now; from here on the event path keeps membership current.
            try (PreparedStatement ps = c.prepareStatement("SELECT portrait FROM profile"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Portrait p = ProfileStore.parse(rs.getString(1));
                    if (rule.matches(Json.MAPPER.valueToTree(views.view(p, List.of(), null, null, List.of())))) {
                        members.add(new String[] {id, p.customerId});
                    }
                }
            }
            segments.insertMembers(c, members);
            c.commit();
        }
        evaluator.invalidate();
        return Response.status(Status.CREATED).entity(segments.find(id).orElseThrow()).build();
    }

    @GET
    @Path("/{id}/members")
    @Roles(Role.READER)
    @Operation(summary = "Customer ids in a segment, in pages (reader)")
    @APIResponse(responseCode = "404", description = "No such segment")
    public Response members(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") int offset,
                            @QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        var segment = segments.find(id);
        if (segment.isEmpty()) {
            return ApiError.response(Status.NOT_FOUND, "not_found", "no segment '" + id + "'");
        }
        if (offset < 0 || limit < 1 || limit > 10_000) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "offset >= 0 and 1 <= limit <= 10000");
        }
        return Response.ok(Map.of("segment", segment.get(), "total", segment.get().members(), "offset", offset,
                "members", segments.members(id, offset, limit))).build();
    }
}
