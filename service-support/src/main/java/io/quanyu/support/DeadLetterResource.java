package io.quanyu.support;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Every service's admin endpoints over its parked records: which consumers it runs, and a re-drive after a fix. An
 * application without consumers (the console) leaves them out with {@code quanyu.dead-letters.endpoints=false}.
 */
@UnlessBuildProperty(name = "quanyu.dead-letters.endpoints", stringValue = "false", enableIfMissing = true)
@Path("/v1/admin/deadletters")
@Produces(MediaType.APPLICATION_JSON)
@Admin
@Blocking
public class DeadLetterResource {

    private static final int MAX_BUDGET_SECONDS = 300;

    private final Redrive redrive;

    public DeadLetterResource(Redrive redrive) {
        this.redrive = redrive;
    }

    @GET
    @Operation(summary = "The consumers of this service whose parked records can be re-driven. Admin.")
    @APIResponse(responseCode = "200", description = "Consumer names, as dead letters carry them")
    @APIResponse(responseCode = "401", description = "No admin token")
    public List<String> consumers() {
        return redrive.consumers();
    }

    @POST
    @Path("/{consumer}/redrive")
    @Operation(summary = "Apply a consumer's parked records again (after a fix). Admin.",
            description = "Reads events.deadletter.v1 from where the last re-drive of this consumer stopped to its end; records that fail again are parked again.")
    @APIResponse(responseCode = "200", description = "What was applied and parked again")
    @APIResponse(responseCode = "400", description = "A budget outside 1..300 seconds")
    @APIResponse(responseCode = "401", description = "No admin token")
    @APIResponse(responseCode = "404", description = "This service runs no such consumer")
    public Response redrive(@PathParam("consumer") String consumer, @QueryParam("budget_seconds") @DefaultValue("60") int budgetSeconds) {
        if (budgetSeconds < 1 || budgetSeconds > MAX_BUDGET_SECONDS) {
            return ApiError.response(Response.Status.BAD_REQUEST, "out_of_range", "budget_seconds must be between 1 and " + MAX_BUDGET_SECONDS);
        }
        return redrive.redrive(consumer, Duration.ofSeconds(budgetSeconds))
                .map(r -> Response.ok(r).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "not_found",
                        "this service runs no consumer '" + consumer + "'; it runs " + redrive.consumers()));
    }
}
