package io.quanyu.profile.api;

import io.quanyu.profile.app.IdentityService;
import io.quanyu.profile.store.ClaimStore;
import io.quanyu.support.ApiError;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Every link the identity graph refused, for the back office's review. */
@Path("/v1/identity/conflicts")
@Produces(MediaType.APPLICATION_JSON)
public class ConflictResource {

    private final IdentityService identities;

    public ConflictResource(IdentityService identities) {
        this.identities = identities;
    }

    @GET
        @Roles(Role.READER)
    @Operation(summary = "Links the identity graph refused, newest first (reader)",
            description = "Each would have joined two customers: a client-side login naming another known user's key, or a phone, e-mail or "
                    + "member card from an unverified source that another customer holds")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClaimStore.Conflict.class)))
    public Response conflicts(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        if (limit < 1 || limit > IdentityResource.MAX_LIMIT) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit: 1 to " + IdentityResource.MAX_LIMIT);
        }
        return Response.ok(identities.conflicts(limit)).build();
    }
}
