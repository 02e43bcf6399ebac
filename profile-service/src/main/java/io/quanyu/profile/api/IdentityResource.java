package io.quanyu.profile.api;

import io.quanyu.profile.app.IdentityService;
import io.quanyu.profile.store.ClaimStore;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
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
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The identity graph of one customer for the back office: keys, hints and conflicts, and the admin's split of a wrong merge. */
@Path("/v1/profiles")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityResource {

    static final int MAX_LIMIT = 1000;

    /** Which keys to move out of a customer. */
    @Schema(description = "The keys to move out into a customer of their own")
    public record SplitRequest(@Schema(description = "User keys of the customer, e.g. [\"u:17\", \"a:dev-9\"]", required = true) List<String> keys) {
    }

    private final IdentityService identities;

    public IdentityResource(IdentityService identities) {
        this.identities = identities;
    }

    @GET
    @Path("/{id}/identity")
    @Roles(Role.READER)
    @Operation(summary = "A customer's identity graph (reader)", description = "Linked keys, phone/e-mail/card keys held as unverified hints, "
            + "and the conflicts the customer is on either side of, newest first")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IdentityService.Identity.class)))
    @APIResponse(responseCode = "404", description = "No customer has this id")
    public Response identity(@Parameter(description = "User id or user key") @PathParam("id") String id,
                             @QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        if (limit < 1 || limit > MAX_LIMIT) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit: 1 to " + MAX_LIMIT);
        }
        return identities.identity(id, limit).map(i -> Response.ok(i).build())
                .orElseGet(() -> ApiError.response(Status.NOT_FOUND, "not_found", "no customer has the id '" + id + "'"));
    }

    @POST
    @Path("/{id}/split")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Split a wrong merge (admin)", description = "Moves the named keys, with the history that arrived under them, out into a "
            + "customer of their own; both portraits are rebuilt from their history and republished, and a split record goes to profile.identity.v1")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = IdentityService.Split.class)))
    @APIResponse(responseCode = "400", description = "No keys, a key that is not the customer's, or a split that would leave nothing")
    @APIResponse(responseCode = "404", description = "No customer has this id")
    public Response split(@Parameter(description = "User id or user key") @PathParam("id") String id, SplitRequest body) throws SQLException {
        if (body == null || body.keys() == null) {
            return ApiError.response(Status.BAD_REQUEST, "invalid_request", "keys: is required, a list of the customer's user keys");
        }
        if (body.keys().size() > 1000) {
            return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_large", "keys: at most 1000");
        }
        try {
            return Response.ok(identities.split(id, body.keys())).build();
        } catch (IdentityService.Refused r) {
            return ApiError.response(r.status(), r.code(), r.getMessage());
        }
    }
}
