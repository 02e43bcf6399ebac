package io.quanyu.ads.api;

import io.quanyu.ads.store.DecisionStore;
import io.quanyu.support.Admin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Budget decisions: split a daily budget across campaigns with a policy, and read a past decision back. */
@Path("/v1/budget")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "budget")
public class BudgetResource {

    private final BudgetService budget;
    private final DecisionStore decisions;

    public BudgetResource(BudgetService budget, DecisionStore decisions) {
        this.budget = budget;
        this.decisions = decisions;
    }

    @POST
    @Path("/allocate")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Split a daily budget across campaigns (admin)", description = "Policies: thompson (Thompson sampling on conversion rate "
            + "and order value per click, discounted history), optimizer (response curves fitted to daily spend and revenue, water-filling within "
            + "±max_change of the current spends; never worse than the current split under the fitted curves), uniform, roi_above_mean (the seeds' "
            + "rule). Bounds come from the registry. The decision is stored and published on ads.decisions.v1 (key = decision id); "
            + "400 infeasible_budget when the bounds cannot hold the total.")
    public AllocationAnswer allocate(AllocateRequest request) throws SQLException {
        return budget.allocate(request);
    }

    @GET
    @Path("/decisions/{id}")
    @Operation(summary = "A past decision", description = "The answer as it was given.")
    public Response decision(@PathParam("id") String id) throws SQLException {
        return decisions.answer(id).map(json -> Response.ok(json, MediaType.APPLICATION_JSON).build())
                .orElseThrow(() -> Rejected.notFound("no decision '" + Params.shorten(id) + "'"));
    }
}
