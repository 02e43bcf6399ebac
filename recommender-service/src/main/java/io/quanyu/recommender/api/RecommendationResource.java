package io.quanyu.recommender.api;

import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.History;
import io.quanyu.recommender.domain.Recommendation;
import io.quanyu.recommender.domain.RecommendationRequest;
import io.quanyu.recommender.domain.ScoredItem;
import io.quanyu.recommender.messaging.Models;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
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
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Personal recommendations with reasons, similar items and popular items. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    /** One recommended item. */
    @Schema(description = "A recommended item with why it was chosen")
    public record Item(@Schema(description = "Product id") String itemId, @Schema(description = "Blended score in [0, 1]") double score,
                       @Schema(description = "Which model contributed most") String source, @Schema(description = "Why, in words") String reason,
                       String title, String category) {
    }

    /** An answer: the items and the model they came from. */
    public record Answer(String userId, List<Item> items, Instant modelTrainedAt, int historySize) {
    }

    private final Models models;
    private final InteractionStore store;

    public RecommendationResource(Models models, InteractionStore store) {
        this.models = models;
        this.store = store;
    }

    @GET
    @Path("/recommendations/{userId}")
    @Operation(summary = "Recommendations for a customer",
            description = "userId is a user id (42 -> u:42) or a user key (a:...). The customer's interactions up to this moment are folded in, so fresh events count before the next training. Unknown customers get popular items.")
    public Response recommend(@PathParam("userId") String userId, @QueryParam("limit") Integer limit, @QueryParam("exclude") String exclude,
                              @QueryParam("category") String category, @QueryParam("channel") String channel) throws Exception {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        Models.Trained m = models.current();
        if (m == null) {
            return noModelYet();
        }
        String key = userId.startsWith("u:") || userId.startsWith("a:") ? userId : "u:" + userId;
        History live = history(m, store.of(key));
        Set<String> excluded = exclude == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(exclude.split(",")));
        RecommendationRequest request = RecommendationRequest.top(n).excluding(excluded);
        if (category != null && !category.isBlank()) {
            request = request.inCategory(category.trim());
        }
        List<Recommendation> recs = m.hybrid().recommend(live, m.train().userIndex(key) >= 0 ? key : null, request);
        return Response.ok(new Answer(key, recs.stream().map(r -> item(m, r.itemId(), r.score(), r.source().name().toLowerCase(), r.reason())).toList(),
                m.trainedAt(), live.size())).build();
    }

    @GET
    @Path("/items/{itemId}/similar")
    @Operation(summary = "Items similar to one item", description = "By co-occurrence (item-kNN); items nobody has touched yet fall back to text similarity.")
    public Response similar(@PathParam("itemId") String itemId, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        Models.Trained m = models.current();
        int index = m == null ? -1 : m.train().itemIndex(itemId);
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
        return Response.ok(Map.of("item_id", itemId, "items", similar.stream()
                .map(s -> item(m, m.train().itemId(s.item()), s.score(), src, how + label)).toList())).build();
    }

    @GET
    @Path("/popular")
    @Operation(summary = "Popular items, overall or in a category")
    public Response popular(@QueryParam("category") String category, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 100) {
            return badLimit(n);
        }
        Models.Trained m = models.current();
        if (m == null) {
            return noModelYet();
        }
        List<ScoredItem> top = category == null || category.isBlank() ? m.popularity().top(n, i -> true)
                : m.popularity().topInCategory(category.trim(), i -> categoryOf(m, m.train().itemId(i)), n, i -> true);
        return Response.ok(Map.of("category", category == null ? "" : category, "items", top.stream()
                .map(s -> item(m, m.train().itemId(s.item()), s.score(), "popularity", "popular" + (category == null ? "" : " in " + category))).toList()))
                .build();
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
        if (m != null) {
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

    /** Before the first training (seconds after start-up) there is nothing to serve: the client retries. */
    private static Response noModelYet() {
        return Response.status(Status.SERVICE_UNAVAILABLE).header("Retry-After", 5).type(MediaType.APPLICATION_JSON)
                .entity(new ApiError("unavailable", "no model trained yet")).build();
    }

    /** The customer's interactions as a history over the trained items, weighted like training; unknown items are skipped. */
    private static History history(Models.Trained m, List<InteractionStore.Row> rows) {
        EventWeights weights = EventWeights.ecommerceDefaults();
        Map<Integer, Double> cells = new LinkedHashMap<>();
        for (InteractionStore.Row r : rows) {
            int i = m.train().itemIndex(r.itemId());
            double w = weights.weight(r.type(), r.value());
            if (i >= 0 && !Double.isNaN(w)) {
                cells.merge(i, w, Double::sum);
            }
        }
        cells.values().removeIf(w -> w <= 0);
        int[] items = cells.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] w = cells.values().stream().mapToDouble(Double::doubleValue).toArray();
        return History.of(items, w);
    }

    private static String categoryOf(Models.Trained m, String itemId) {
        InteractionStore.Item item = m.items().get(itemId);
        return item == null ? null : item.category();
    }

    private static Item item(Models.Trained m, String itemId, double score, String source, String reason) {
        InteractionStore.Item i = m.items().get(itemId);
        return new Item(itemId, Math.round(score * 10_000) / 10_000.0, source, reason, i == null ? null : i.title(), i == null ? null : i.category());
    }
}
