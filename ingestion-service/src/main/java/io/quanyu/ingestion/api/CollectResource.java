package io.quanyu.ingestion.api;

import io.quanyu.support.ApiError;
import io.quanyu.events.Channel;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * HTTP entry of the channels: raw events in the channel's own format, one object or a JSON array of them. A channel
 * key (QUANYU_API_KEYS) may write its own channel's events and nothing else; it reads nothing anywhere.
 */
@Path("/v1")
@SecurityScheme(securitySchemeName = "channel_key", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-Api-Key",
        description = "The channel's client key from QUANYU_API_KEYS (web=KEY,app=KEY,...), or its server key from QUANYU_SERVER_KEYS: "
                + "writes that channel's events only; only server-key logins may link phones, e-mails and member cards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class CollectResource {

    private final Collector collector;
    private final ApiKeys keys;

    public CollectResource(Collector collector, ApiKeys keys) {
        this.collector = collector;
        this.keys = keys;
    }

    @POST
    @Path("/collect/{channel}")
    @SecurityRequirement(name = "channel_key")
    @Operation(summary = "Collect raw events of a channel",
            description = "Takes one raw message in the channel's format (DESIGN.md section 2) or a JSON array of them. Personal data is hashed before anything is published.")
    @APIResponse(responseCode = "202", description = "At least one item accepted; per-item results",
            content = @Content(schema = @Schema(implementation = CollectResponse.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, an empty batch, or every item refused (per-item reasons)")
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key for this channel")
    @APIResponse(responseCode = "404", description = "Unknown channel")
    @APIResponse(responseCode = "413", description = "Body or batch larger than the limit")
    @APIResponse(responseCode = "503", description = "Shedding load or the broker is unavailable; retry after Retry-After seconds")
    public Response collect(
            @Parameter(description = "web, app, miniprogram, store, ads or catalog") @PathParam("channel") String channel,
            @Parameter(description = "The channel's API key") @HeaderParam("X-Api-Key") String apiKey,
            @RequestBody(description = "A raw message or an array of them") byte[] body) {
        Channel ch = Channel.parse(channel).orElse(null);
        if (ch == null) {
            return ApiError.response(Status.NOT_FOUND, "unknown_channel", "no channel '" + channel + "'; channels are web, app, miniprogram, store, ads, catalog");
        }
        return authorizedCollect(ch, apiKey, body);
    }

    @POST
    @Path("/catalog/products")
    @SecurityRequirement(name = "channel_key")
    @Operation(summary = "Upsert catalog products", description = "The catalog channel: one product or an array; takes the catalog API key.")
    @APIResponse(responseCode = "202", description = "At least one product accepted; per-item results",
            content = @Content(schema = @Schema(implementation = CollectResponse.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or every product refused")
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Api-Key")
    @APIResponse(responseCode = "413", description = "Body or batch larger than the limit")
    @APIResponse(responseCode = "503", description = "Shedding load or the broker is unavailable")
    public Response products(@HeaderParam("X-Api-Key") String apiKey, byte[] body) {
        return authorizedCollect(Channel.CATALOG, apiKey, body);
    }

    private Response authorizedCollect(Channel channel, String apiKey, byte[] body) {
        ApiKeys.Grant grant = keys.grant(channel, apiKey).orElse(null);
        if (grant == null) {
            return ApiError.response(Status.UNAUTHORIZED, "unauthorized",
                    apiKey == null ? "missing X-Api-Key header" : "X-Api-Key is not a key of channel " + channel.wire());
        }
        return collector.collect(channel, body, grant == ApiKeys.Grant.SERVER);
    }
}
