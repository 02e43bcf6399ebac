package io.quanyu.engagement.api;

import io.quanyu.engagement.domain.Invalid;
import io.quanyu.engagement.domain.Text;
import io.quanyu.engagement.store.ConsentStore;
import io.quanyu.support.CurrentCaller;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A customer's channel opt-outs: set by identify traits (marketing_opt_out), or here by the customer or the back office. */
@Path("/v1/consent/{customer}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "consent")
public class ConsentResource {

    /** The channels a customer opted out of; every other action channel is opted in. */
    public record Consent(String customerKey, List<String> optedOut) {
    }

    private final ConsentStore consent;
    private final CurrentCaller caller;

    public ConsentResource(ConsentStore consent, CurrentCaller caller) {
        this.consent = consent;
        this.caller = caller;
    }

    @GET
    @Roles({Role.ADMIN, Role.READER, Role.CUSTOMER})
    @Operation(summary = "A customer's opt-outs (reader, or the customer's own token)")
    public Consent get(@PathParam("customer") String customer) throws SQLException {
        String key = Customers.resolve(customer, caller.get());
        return new Consent(key, consent.optedOut(key));
    }

    @PUT
    @Roles({Role.ADMIN, Role.CUSTOMER})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a customer's opt-outs (admin, or the customer's own token)", description = "opted_out lists channels (web, app, "
            + "miniprogram, store); the others are opted in. A later identify with the marketing_opt_out trait overrides it. A customer token "
            + "may set only its own (403 for another's).")
    public Consent put(@PathParam("customer") String customer, Consent body) throws SQLException {
        if (body == null || body.optedOut() == null) {
            throw new Invalid("send {\"opted_out\": [channels]}");
        }
        String key = Customers.resolve(customer, caller.get());
        List<String> channels = Text.channels("opted_out", body.optedOut());
        consent.put(key, channels);
        return new Consent(key, consent.optedOut(key));
    }
}
