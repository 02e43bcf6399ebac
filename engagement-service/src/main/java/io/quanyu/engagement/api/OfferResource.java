package io.quanyu.engagement.api;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.domain.CodeGenerator;
import io.quanyu.engagement.domain.Invalid;
import io.quanyu.engagement.domain.Offer;
import io.quanyu.engagement.domain.Text;
import io.quanyu.engagement.store.Definitions;
import io.quanyu.engagement.store.Grants;
import io.quanyu.engagement.store.UpliftStore;
import io.quanyu.support.Admin;
import io.quanyu.support.CurrentCaller;
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
import java.net.URI;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Offers: admins define them, the back office reads their budgets, customers and frontends read their live codes. */
@Path("/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "offers")
public class OfferResource {

    /** A customer's live codes. */
    public record CustomerOffers(String customerKey, List<LiveOffer> offers) {
    }

    /** An admin's grant request. */
    public record GrantRequest(String customer) {
    }

    /** A granted code. */
    public record Granted(String code, String offerId, String customerKey) {
    }

    private final Definitions definitions;
    private final Grants grants;
    private final CurrentCaller caller;
    private final CodeGenerator codes;
    private final UpliftStore uplift;

    public OfferResource(Definitions definitions, Grants grants, CurrentCaller caller, EngagementConfig config, UpliftStore uplift) {
        this.definitions = definitions;
        this.uplift = uplift;
        this.grants = grants;
        this.caller = caller;
        this.codes = new CodeGenerator(new SecureRandom(), config.codeLength());
    }

    @POST
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an offer (admin)", description = "201; 409 when the id is taken (PUT replaces). Kinds: percentage, fixed_amount, "
            + "threshold (min_spend), free_shipping; validity, budget, max_redemptions, per_customer_limit, eligible categories/SKUs/channels.")
    public Response create(Offer offer) throws SQLException {
        Offer o = valid(offer);
        if (definitions.offer(o.offerId()).isPresent()) {
            throw new Rejected(409, "exists", "offer " + o.offerId() + " exists; PUT /v1/offers/" + o.offerId() + " replaces it");
        }
        definitions.saveOffer(o);
        return Response.created(URI.create("/v1/offers/" + o.offerId())).entity(view(o.offerId())).build();
    }

    @PUT
    @Path("/{id}")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace an offer (admin)", description = "The id of the path wins; counters and granted codes stay.")
    public Response replace(@PathParam("id") String id, Offer offer) throws SQLException {
        if (offer == null) {
            throw new Invalid("send the offer as a JSON object");
        }
        Offer o = valid(new Offer(Text.id("id", id), offer.name(), offer.kind(), offer.value(), offer.minSpend(), offer.currency(),
                offer.validFrom(), offer.validTo(), offer.budget(), offer.maxRedemptions(), offer.perCustomerLimit(), offer.codeValidFor(),
                offer.eligibleCategories(), offer.eligibleSkus(), offer.eligibleChannels()));
        boolean created = definitions.saveOffer(o);
        return Response.status(created ? 201 : 200).entity(view(o.offerId())).build();
    }

    @DELETE
    @Path("/{id}")
    @Admin
    @Operation(summary = "Deactivate an offer (admin)", description = "204; its codes stop being granted and redeemed, its counters stay.")
    public Response deactivate(@PathParam("id") String id) throws SQLException {
        if (!definitions.deactivateOffer(Text.id("id", id))) {
            throw Rejected.notFound("no offer '" + Text.shorten(id) + "'");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}")
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "An offer with its counters (reader)", description = "Granted codes, redemptions, discount spent and budget left.")
    public OfferView get(@PathParam("id") String id) throws SQLException {
        return view(Text.id("id", id));
    }

    @GET
    @Path("/{id}/uplift")
    @Roles({Role.ADMIN, Role.READER})
    @Operation(summary = "Treated vs holdout of an offer across journeys (reader)", description = "Every journey entry decided into an action "
            + "granting this offer, held out or treated; conversions within each journey's attribution window, as for a journey's uplift.")
    public UpliftView uplift(@PathParam("id") String id) throws SQLException {
        String offerId = view(Text.id("id", id)).offer().offerId();
        return UpliftView.of(null, offerId, null, uplift.offer(offerId));
    }

    @GET
    @Roles({Role.ADMIN, Role.READER, Role.CUSTOMER})
    @Operation(summary = "Live offers of a customer, or every offer (reader)", description = "With customer (a user key or user id): the codes "
            + "the customer can use now. A customer token sees only its own (customer may be left out). Without customer, for the back "
            + "office: every offer with its counters.")
    public Object list(@QueryParam("customer") String customer) throws SQLException {
        String key = Customers.resolve(customer, caller.get());
        if (key == null) {
            return definitions.offers().stream().map(OfferView::of).toList();
        }
        return new CustomerOffers(key, grants.live(key).stream().map(LiveOffer::of).toList());
    }

    @POST
    @Path("/{id}/grants")
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Grant a code of an offer to a customer (admin)", description = "201 with the code; outside any journey (not in an uplift).")
    public Response grant(@PathParam("id") String id, GrantRequest request) throws SQLException {
        if (request == null || request.customer() == null) {
            throw new Invalid("send {\"customer\": \"u:…\"}");
        }
        String key = Customers.resolve(request.customer(), caller.get());
        Definitions.StoredOffer s = definitions.offer(Text.id("id", id)).orElseThrow(() -> Rejected.notFound("no offer '" + Text.shorten(id) + "'"));
        if (!s.active()) {
            throw new Rejected(409, "inactive", "offer " + s.offer().offerId() + " is deactivated");
        }
        String code = grants.grant(codes.next(), s.offer(), key);
        return Response.status(201).entity(new Granted(code, s.offer().offerId(), key)).build();
    }

    private static Offer valid(Offer offer) {
        if (offer == null) {
            throw new Invalid("send the offer as a JSON object");
        }
        return offer.validated();
    }

    private OfferView view(String id) throws SQLException {
        return definitions.offer(id).map(OfferView::of).orElseThrow(() -> Rejected.notFound("no offer '" + Text.shorten(id) + "'"));
    }
}
