package io.quanyu.recommender.api;

import io.quanyu.events.Channel;
import io.quanyu.recommender.domain.ScoredItem;
import io.quanyu.recommender.messaging.LiveModel;
import io.quanyu.recommender.messaging.Models;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
import io.quanyu.support.Caller;
import io.quanyu.support.CurrentCaller;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Personal recommendations with reasons, similar items and popular items. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    /** One recommended item. */
    @Schema(description = "A recommended item with why it was chosen")
    public record Item(@Schema(description = "Product id") String itemId, @Schema(description = "Blended score in [0, 1]") double score,
                       @Schema(description = "Which model contributed most: item_knn, user_knn, matrix_factorization, content, popularity, "
                               + "or co_occurrence (seen in the same visits, before the first training)") String source,
                       @Schema(description = "Why, in words") String reason,
                       String title, String category) {
    }

    /** An answer: the items and the model they came from. */
    @Schema(description = "Recommendations for a customer")
    public record Answer(@Schema(description = "The user key asked for") String userId,
                         @Schema(description = "The customer it belongs to (its best linked key)") String customerId,
                         List<Item> items, @Schema(description = "When the models were trained; null before the first training") Instant modelTrainedAt,
                         @Schema(description = "Items in the customer's history, live events included") int historySize,
                         @Schema(description = "What answered: trained (the last training's models, live events folded in) or live_counts "
                                 + "(no model trained yet: same-visit co-occurrence and recency-weighted popularity counted from the stored events)")
                         String source) {
    }

    private final Models models;
    private final LiveModel liveModel;
    private final RecommendationService service;
    private final CurrentCaller caller;

    public RecommendationResource(Models models, LiveModel liveModel, RecommendationService service, CurrentCaller caller) {
        this.models = models;
        this.liveModel = liveModel;
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/recommendations/{userId}")
    @Roles({Role.CUSTOMER, Role.READER})
    @Operation(summary = "Recommendations for a customer (the customer themselves, or reader)",
            description = "userId is a user id (42 -> u:42) or a user key (a:...); every key the profile service linked to the same customer counts. "
                    + "The customer's interactions up to this moment are folded in, so fresh events count before the next training. "
                    + "Customers without history get what is popular in their segment, on the channel, or overall. Before the first "
                    + "training the live counts answer (source live_counts): items seen in the same visits, then what is popular now. The answer tells "
                    + "what the customer did and which keys are theirs: a customer token answers only for its own user id (403 for "
                    + "any other); the back office (reader, admin) asks for anyone. Visitors who have not signed in get GET /v1/popular.")
    public Response recommend(@PathParam("userId") String userId,
                              @Parameter(description = "How many items, 1-100 (default 10)") @QueryParam("limit") Integer limit,
                              @Parameter(description = "Comma-separated product ids never to return") @QueryParam("exclude") String exclude,
                              @Parameter(description = "Only items of this category") @QueryParam("category") String category,
                              @Parameter(description = "The channel asking (web, app, miniprogram, store, ...): its popularity fills in for a thin history")
                              @QueryParam("channel") String channel,
                              @Parameter(description = "Only items the catalog has in stock (default true)") @QueryParam("in_stock") @DefaultValue("true")
                              boolean inStockOnly) throws Exception {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        if (channel != null && Channel.parse(channel).isEmpty()) {
            return ApiError.response(Status.BAD_REQUEST, "invalid_channel", "unknown channel '" + channel + "'; one of "
                    + Arrays.stream(Channel.values()).map(Channel::wire).toList());
        }
        Set<String> excluded = exclude == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(exclude.split(",")));
        String key = RecommendationService.key(userId);
        Caller who = caller.get();
        if (who.customer() && !key.equals(who.userKey())) {
            return ApiError.response(Status.FORBIDDEN, "forbidden", "a customer token answers about its own customer only");
        }
        var ask = new RecommendationService.Ask(n, excluded, category == null || category.isBlank() ? null : category.trim(), channel, inStockOnly);
        var a = service.recommend(key, ask);
        return Response.ok(new Answer(key, a.customerId(), a.items().stream()
                .map(r -> item(a.catalog(), r.itemId(), r.score(), r.source().name().toLowerCase(Locale.ROOT), r.reason())).toList(),
                a.trainedAt(), a.historySize(), a.source())).build();
    }

    @GET
    @Path("/items/{itemId}/similar")
    @Operation(summary = "Items similar to one item", description = "By co-occurrence (item-kNN); items nobody has touched yet fall back to text "
            + "similarity. Before the first training (source live_counts): the items seen in the same visits among the latest stored events.")
    public Response similar(@PathParam("itemId") String itemId, @QueryParam("limit") Integer limit) throws Exception {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        Models.Trained m = models.current();
        if (m == null) {
            LiveModel.Snapshot s = liveModel.current();
            if (!s.counts().knows(itemId)) {
                return ApiError.response(Status.NOT_FOUND, "not_found", "no item '" + itemId + "' in the latest events (no model is trained yet)");
            }
            String reason = RecommendationService.sameVisitReason(s.items(), itemId);
            return Response.ok(Map.of("item_id", itemId, "source", RecommendationService.LIVE_COUNTS, "items", s.counts().similar(itemId, n, id -> true).stream()
                    .map(r -> item(s.items(), r.itemId(), r.score(), "co_occurrence", reason)).toList())).build();
        }
        int index = m.train().itemIndex(itemId);
        if (index < 0) {
            return ApiError.response(Status.NOT_FOUND, "not_found", "no item '" + itemId + "' in the trained catalog");
        }
        List<ScoredItem> similar = m.itemKnn().similar(index, n);
        String source = "item_knn";
        if (similar.isEmpty()) {
            similar = m.content().similar(index, n);
            source = "content";
        }
        String how = source.equals("item_knn") ? "bought or viewed together with " : "described like ";
        String label = m.items().containsKey(itemId) && m.items().get(itemId).title() != null ? m.items().get(itemId).title() : itemId;
        String src = source;
        return Response.ok(Map.of("item_id", itemId, "source", RecommendationService.TRAINED, "items", similar.stream()
                .map(s -> item(m.items(), m.train().itemId(s.item()), s.score(), src, how + label)).toList())).build();
    }

    @GET
    @Path("/popular")
    @Operation(summary = "Popular items, overall or in a category",
            description = "From the last training; before the first one (source live_counts) from the latest stored events, each user's item "
                    + "counted once and halved in weight every cold-start half-life (a day by default).")
    public Response popular(@QueryParam("category") String category, @QueryParam("limit") Integer limit) throws Exception {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        String reason = "popular" + (category == null ? "" : " in " + category);
        String wanted = category == null || category.isBlank() ? null : category.trim();
        Models.Trained m = models.current();
        if (m == null) {
            LiveModel.Snapshot s = liveModel.current();
            return popularAnswer(category, RecommendationService.LIVE_COUNTS, s.counts().popular(n, id -> wanted == null || wanted.equals(categoryOf(s.items(), id)))
                    .stream().map(r -> item(s.items(), r.itemId(), r.score(), "popularity", reason)).toList());
        }
        List<ScoredItem> top = wanted == null ? m.popularity().top(n, i -> true)
                : m.popularity().topInCategory(wanted, i -> categoryOf(m.items(), m.train().itemId(i)), n, i -> true);
        return popularAnswer(category, RecommendationService.TRAINED, top.stream()
                .map(s -> item(m.items(), m.train().itemId(s.item()), s.score(), "popularity", reason)).toList());
    }

    private static Response popularAnswer(String category, String source, List<Item> items) {
        return Response.ok(Map.of("category", category == null ? "" : category, "source", source, "items", items)).build();
    }

    @POST
    @Path("/models/retrain")
    @Admin
    @Operation(summary = "Retrain every model now (also runs on a schedule). Admin.")
    public Map<String, Object> retrain() throws Exception {
        return models.train();
    }

    @GET
    @Path("/models")
    @Operation(summary = "What the current models were trained on, and when")
    public Map<String, Object> model() {
        Models.Trained m = models.current();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trained", m != null);
        // Before the first training the live counts answer; it starts once this many interactions are stored.
        out.put("source", m == null ? RecommendationService.LIVE_COUNTS : RecommendationService.TRAINED);
        out.put("first_training_after_interactions", models.firstTrainingThreshold());
        if (m != null) {
            out.put("version", m.version());
            out.put("trigger", m.trigger());
            out.put("trained_at", m.trainedAt());
            out.put("train_ms", m.trainMillis());
            out.put("users", m.train().userCount());
            out.put("items", m.train().itemCount());
            out.put("interactions", m.train().size());
        }
        return out;
    }

    private static Response badLimit(int n) {
        return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit must be between 1 and 100, was " + n);
    }

    private static String categoryOf(Map<String, InteractionStore.Item> catalog, String itemId) {
        InteractionStore.Item item = catalog.get(itemId);
        return item == null ? null : item.category();
    }

    private static Item item(Map<String, InteractionStore.Item> catalog, String itemId, double score, String source, String reason) {
        InteractionStore.Item i = catalog.get(itemId);
        return new Item(itemId, Math.round(score * 10_000) / 10_000.0, source, reason, i == null ? null : i.title(), i == null ? null : i.category());
    }
}
