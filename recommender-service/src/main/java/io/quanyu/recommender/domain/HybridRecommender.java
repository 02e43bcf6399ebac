package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.Recommendation.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** Weighted blend of normalised model scores with reasons, exclusions, category filter and popularity fallback. */
public final class HybridRecommender implements Scorer {

    private record Component(Source source, Scorer scorer, double weight) {
    }

    private final Interactions train;
    private final List<Component> components;
    private final ItemKnn itemKnn;
    private final UserKnn userKnn;
    private final ContentModel content;
    private final Popularity popularity;
    private final String[] categories;
    private final Function<String, String> labels;
    private final String verb;

    private HybridRecommender(Builder b) {
        this.train = b.train;
        this.components = List.copyOf(b.components);
        this.itemKnn = b.itemKnn;
        this.userKnn = b.userKnn;
        this.content = b.content;
        this.popularity = b.popularity != null ? b.popularity : Popularity.fit(b.train, Popularity.Config.COUNTS);
        this.categories = new String[train.itemCount()];
        if (b.categoryOf != null) {
            for (int i = 0; i < categories.length; i++) {
                categories[i] = b.categoryOf.apply(train.itemId(i));
            }
        }
        this.labels = b.labelOf != null ? b.labelOf : id -> id;
        this.verb = b.verb;
    }

    public static Builder builder(Interactions train) {
        return new Builder(train);
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    /** Blended scores of a training user over the items they have not interacted with (others score 0). */
    @Override
    public void score(int user, double[] out) {
        blend(user, train.history(user), user, i -> !train.contains(user, i), out, null);
    }

    @Override
    public void score(History history, double[] out) {
        Set<Integer> seen = seen(history);
        blend(-1, history, -1, i -> !seen.contains(i), out, null);
    }

    /** Recommendations for a user id from the training history; unknown or history-less users get popularity. */
    public List<Recommendation> recommend(String userId, RecommendationRequest request) {
        int u = train.userIndex(userId);
        History h = u < 0 ? History.EMPTY : train.history(u);
        return recommend(u, h, u >= 0, request);
    }

    /** Recommendations for a live history (new user, or a known one with fresh events: pass their id, else null). */
    public List<Recommendation> recommend(History history, String userId, RecommendationRequest request) {
        return recommend(userId == null ? -1 : train.userIndex(userId), history, false, request);
    }

    /** {@code trained}: the history is the user's training row, so models may use their fitted user state. */
    private List<Recommendation> recommend(int user, History history, boolean trained,
            RecommendationRequest request) {
        Set<Integer> seen = request.excludeSeen() ? seen(history) : Set.of();
        Set<Integer> excluded = new HashSet<>();
        request.exclude().forEach(id -> excluded.add(train.itemIndex(id)));
        IntPredicate candidate = i -> !seen.contains(i) && !excluded.contains(i)
                && (request.category() == null || request.category().equals(categories[i]));
        if (history.isEmpty() || components.isEmpty()) {
            return popularityFallback(request, candidate);
        }
        double[] total = new double[train.itemCount()];
        Source[] dominant = new Source[total.length];
        blend(trained ? user : -1, history, user, candidate, total, dominant);
        List<ScoredItem> top = TopN.of(total, request.n(), i -> !candidate.test(i) || dominant[i] == null);
        // Reasons name what the models actually used: decayed affinities for item-kNN on a trained user, and the
        // neighbour set only when some item owes most to user-kNN (finding it is a pass over the item columns).
        History evidence = trained && itemKnn != null ? itemKnn.affinities(user) : history;
        List<ScoredItem> neighbours = top.stream().anyMatch(s -> dominant[s.item()] == Source.USER_KNN)
                ? userKnn.neighbours(history, user) : List.of();
        List<Recommendation> out = new ArrayList<>();
        for (ScoredItem s : top) {
            out.add(new Recommendation(train.itemId(s.item()), s.score(), dominant[s.item()],
                    reason(dominant[s.item()], s.item(), evidence, neighbours)));
        }
        if (out.size() < request.n()) { // thin history: top up with popular items rather than return too few
            Set<Integer> taken = new HashSet<>();
            out.forEach(r -> taken.add(train.itemIndex(r.itemId())));
            RecommendationRequest rest = new RecommendationRequest(request.n() - out.size(), request.exclude(),
                    request.category(), true);
            out.addAll(popularityFallback(rest, i -> candidate.test(i) && !taken.contains(i)));
        }
        return out;
    }

    /**
     * Σ weight × normalised component score into {@code total}; {@code dominant} (if given) gets the component with
     * the largest contribution per item. {@code user} ≥ 0 uses the models' trained state for that user; otherwise the
     * live history is scored, {@code self} (or -1) naming the training user it belongs to.
     */
    private void blend(int user, History history, int self, IntPredicate candidate, double[] total,
            Source[] dominant) {
        Arrays.fill(total, 0);
        double[] buf = new double[total.length];
        double[] best = dominant == null ? null : new double[total.length];
        for (Component c : components) {
            if (user >= 0) {
                c.scorer().score(user, buf);
            } else if (c.scorer() instanceof UserKnn knn) {
                knn.score(history, self, buf);
            } else {
                c.scorer().score(history, buf);
            }
            normalize(buf, candidate);
            for (int i = 0; i < total.length; i++) {
                double v = c.weight() * buf[i];
                total[i] += v;
                if (dominant != null && v > best[i]) {
                    best[i] = v;
                    dominant[i] = c.source();
                }
            }
        }
    }

    /**
     * Min-max scaling to [0, 1] over the candidates; non-candidates and flat score vectors become 0. Scaling per user
     * and over the candidates only makes a weight mean the same thing for every user and every model's score scale.
     */
    public static void normalize(double[] s, IntPredicate candidate) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            if (candidate.test(i)) {
                min = Math.min(min, s[i]);
                max = Math.max(max, s[i]);
            }
        }
        double range = max - min;
        for (int i = 0; i < s.length; i++) {
            s[i] = candidate.test(i) && range > 0 ? (s[i] - min) / range : 0;
        }
    }

    private String reason(Source source, int item, History history, List<ScoredItem> neighbours) {
        String similarToSeen = "similar to items you " + verb;
        return switch (source) {
            case ITEM_KNN -> {
                int h = itemKnn.strongestContributor(history, item);
                yield h < 0 ? similarToSeen
                        : "because you " + verb + " " + labels.apply(train.itemId(history.items()[h]));
            }
            case USER_KNN -> {
                long liked = neighbours.stream().filter(nb -> train.contains(nb.item(), item)).count();
                yield String.format(Locale.ROOT, "liked by %d of the %d users most like you", liked,
                        neighbours.size());
            }
            case CONTENT -> {
                List<String> terms = content.sharedTerms(content.profile(history), item, 3);
                yield terms.isEmpty() ? similarToSeen : "similar to your interests: " + String.join(", ", terms);
            }
            case MATRIX_FACTORIZATION -> {
                // The latent match is the reason; the closest seen neighbour, when known, makes it concrete.
                int h = itemKnn == null ? -1 : itemKnn.strongestContributor(history, item);
                yield "matches your taste profile" + (h < 0 ? ""
                        : ", like " + labels.apply(train.itemId(history.items()[h])) + " which you " + verb);
            }
            case POPULARITY -> popularReason(item);
        };
    }

    private String popularReason(int item) {
        return categories[item] == null ? "popular right now" : "popular in " + categories[item];
    }

    private List<Recommendation> popularityFallback(RecommendationRequest request, IntPredicate candidate) {
        List<Recommendation> out = new ArrayList<>();
        for (ScoredItem s : popularity.top(request.n(), candidate)) {
            out.add(new Recommendation(train.itemId(s.item()), s.score(), Source.POPULARITY,
                    popularReason(s.item())));
        }
        return out;
    }

    private static Set<Integer> seen(History history) {
        Set<Integer> seen = new HashSet<>();
        for (int i : history.items()) {
            seen.add(i);
        }
        return seen;
    }

    /** Components with weights plus the item metadata used for filters and reasons. */
    public static final class Builder {
        private final Interactions train;
        private final List<Component> components = new ArrayList<>();
        private ItemKnn itemKnn;
        private UserKnn userKnn;
        private ContentModel content;
        private Popularity popularity;
        private Function<String, String> categoryOf;
        private Function<String, String> labelOf;
        private String verb = "viewed";

        private Builder(Interactions train) {
            this.train = train;
        }

        public Builder itemKnn(ItemKnn model, double weight) {
            itemKnn = model;
            return add(Source.ITEM_KNN, model, weight);
        }

        public Builder userKnn(UserKnn model, double weight) {
            userKnn = model;
            return add(Source.USER_KNN, model, weight);
        }

        /** {@link Bpr} or {@link ImplicitAls}: both fold live histories in. */
        public Builder matrixFactorization(Scorer model, double weight) {
            return add(Source.MATRIX_FACTORIZATION, model, weight);
        }

        public Builder content(ContentModel model, double weight) {
            content = model;
            return add(Source.CONTENT, model, weight);
        }

        /** Also the fallback; when never set, user counts on the training data are used. */
        public Builder popularity(Popularity model, double weight) {
            popularity = model;
            return add(Source.POPULARITY, model, weight);
        }

        /** Item id → category (null when unknown), for the category filter and "popular in ..." reasons. */
        public Builder categories(Function<String, String> itemIdToCategory) {
            categoryOf = itemIdToCategory;
            return this;
        }

        /** Item id → display name used in reasons ("because you viewed <label>"); defaults to the id. */
        public Builder labels(Function<String, String> itemIdToLabel) {
            labelOf = itemIdToLabel;
            return this;
        }

        /** The past-tense verb of reasons: "viewed" by default, "watched" for films, "bought" for orders. */
        public Builder verb(String pastTense) {
            verb = pastTense;
            return this;
        }

        public HybridRecommender build() {
            return new HybridRecommender(this);
        }

        private Builder add(Source source, Scorer model, double weight) {
            if (!(weight >= 0) || model.itemCount() != train.itemCount()) {
                throw new IllegalArgumentException(source + ": weight must be >= 0 and the model fitted on this data");
            }
            if (weight > 0) {
                components.add(new Component(source, model, weight));
            }
            return this;
        }
    }
}
