package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Invalid;
import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Text;
import io.quanyu.engagement.store.Definitions;
import io.quanyu.engagement.store.UpliftStore;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Triggered journeys: admins define them, the back office reads them and their uplift against the holdout. */
@Path("/v1/journeys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "journeys")
public class JourneyResource {

    /** A journey with whether it runs. */
    public record JourneyView(Journey journey, boolean active) {
    }

    private final Definitions definitions;
    private final UpliftStore uplift;

    public JourneyResource(Definitions definitions, UpliftStore uplift) {
        this.definitions = definitions;
        this.uplift = uplift;
    }

    @POST
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a journey (admin)", description = "201; 409 when the id is taken. Trigger: cart_abandoned or first_purchase (events), lifecycle, "
            + "entered_segment or propensity_above (portraits), with a wait and channels; branches (condition, action) tried in order, "
            + "then the default action: grant_offer (offer_id) or send_message (message, recommendations); holdout_share (default 0.1), "
            + "frequency_cap, quiet_hours, attribution_window (default P7D).")
    public Response create(Journey journey) throws SQLException {
        Journey j = valid(journey);
        if (definitions.journey(j.journeyId()).isPresent()) {
            throw new Rejected(409, "exists", "journey " + j.journeyId() + " exists; PUT /v1/journeys/" + j.journeyId() + " replaces it");
        }
        definitions.saveJourney(j);
        return Response.created(URI.create("/v1/journeys/" + j.journeyId())).entity(new JourneyView(j, true)).build();
    }

    @PUT
    @Path("/{id}")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a journey (admin)", description = "The id of the path wins; pending triggers are decided under the new definition.")
    public Response replace(@PathParam("id") String id, Journey journey) throws SQLException {
        if (journey == null) {
            throw new Invalid("send the journey as a JSON object");
        }
        Journey j = valid(new Journey(Text.id("id", id), journey.name(), journey.trigger(), journey.action(), journey.branches(), journey.followUp(),
                journey.holdoutShare(), journey.frequencyCap(), journey.quietHours(), journey.attributionWindow()));
        boolean created = definitions.saveJourney(j);
        return Response.status(created ? 201 : 200).entity(new JourneyView(j, true)).build();
    }

    @DELETE
    @Path("/{id}")
    @Admin
    @Operation(summary = "Stop a journey (admin)", description = "204; its pending triggers are cancelled, its entries and uplift stay.")
    public Response deactivate(@PathParam("id") String id) throws SQLException {
        if (!definitions.deactivateJourney(Text.id("id", id))) {
            throw Rejected.notFound("no journey '" + Text.shorten(id) + "'");
        }
        return Response.noContent().build();
    }

    @GET
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "Every journey (reader)")
    public List<JourneyView> list() throws SQLException {
        return definitions.journeys().stream().map(s -> new JourneyView(s.journey(), s.active())).toList();
    }

    @GET
    @Path("/{id}")
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "A journey (reader)")
    public JourneyView get(@PathParam("id") String id) throws SQLException {
        Definitions.StoredJourney s = find(id);
        return new JourneyView(s.journey(), s.active());
    }

    @GET
    @Path("/{id}/uplift")
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "Treated vs holdout (reader)", description = "Entries, conversions (a purchase within the attribution window after "
            + "entering, under any key of the customer) and revenue per group; the conversion-rate difference with a 95 % Newcombe interval "
            + "(Wald too); redemptions; delivered, opened and clicked actions.")
    public UpliftView uplift(@PathParam("id") String id) throws SQLException {
        Journey j = find(id).journey();
        return UpliftView.of(j.journeyId(), null, j.attributionWindow(), uplift.journey(j.journeyId()));
    }

    private Definitions.StoredJourney find(String id) throws SQLException {
        return definitions.journey(Text.id("id", id)).orElseThrow(() -> Rejected.notFound("no journey '" + Text.shorten(id) + "'"));
    }

    private static Journey valid(Journey journey) {
        if (journey == null) {
            throw new Invalid("send the journey as a JSON object");
        }
        return journey.validated();
    }
}
