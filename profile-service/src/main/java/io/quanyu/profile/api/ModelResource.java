package io.quanyu.profile.api;

import io.quanyu.support.Admin;
import io.quanyu.profile.messaging.ModelJob;
import io.quanyu.profile.store.ModelStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The propensity and churn models and the behaviour clusters: latest quality figures, and retraining on demand. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    private final ModelStore store;
    private final ModelJob job;

    public ModelResource(ModelStore store, ModelJob job) {
        this.store = store;
        this.job = job;
    }

    @GET
    @Operation(summary = "The latest training run of each model, with its time-split AUC and precision at 10%")
    public List<Map<String, Object>> latest() throws Exception {
        return store.latestRuns();
    }

    @POST
    @Path("/retrain")
    @Admin
    @Operation(summary = "Retrain now, rescore every customer and recluster (also runs on a schedule). Admin.")
    public Map<String, Object> retrain() throws Exception {
        return job.retrain();
    }
}
