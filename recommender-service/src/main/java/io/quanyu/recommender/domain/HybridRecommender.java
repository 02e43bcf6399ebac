package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.Recommendation.Source;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;

/** Weighted blend of normalised model scores with reasons, exclusions, category filter and popularity fallback. */
public final class HybridRecommender implements Scorer {

    private final Interactions train;
    private final List<CandidateBlend.Component> components;
    private final CandidateBlend blend;
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
        this.blend = new CandidateBlend(components, train.itemCount(), train.userCount(), b.perModel, b.indexConfig);
    }

    public static Builder builder(Interactions train) {
        return new Builder(train);
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    /**
     * Blended scores of a training user: the served two-stage ranking, so offline figures measure what is served.
     * Items that are not candidates (or already seen) score -∞.
     */
    @Override
    public void score(int user, double[] out) {
        fill(blend.rank(user, train.history(user), user, i -> !train.contains(user, i), out.length), out);
    }

    @Override
    public void score(History history, double[] out) {
        BitSet seen = seen(history);
        fill(blend.rank(-1, history, -1, i -> !seen.get(i), out.length), out);
    }

    private static void fill(CandidateBlend.Result ranked, double[] out) {
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (CandidateBlend.Blended b : ranked.top()) {
            out[b.item()] = b.score();
        }
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
        BitSet blocked = request.excludeSeen() ? seen(history) : new BitSet(train.itemCount());
        request.exclude().stream().mapToInt(train::itemIndex).filter(i -> i >= 0).forEach(blocked::set);
        IntPredicate eligible = request.eligible();
        IntPredicate candidate = i -> !blocked.get(i)
                && (request.category() == null || request.category().equals(categories[i]))
                && (eligible == null || eligible.test(i));
        if (history.isEmpty() || components.isEmpty()) {
            return popularityFallback(request, candidate);
        }
        CandidateBlend.Result ranked = blend.rank(trained ? user : -1, history, user, candidate, request.n());
        // Reasons name what the models actually used: decayed affinities for item-kNN on a trained user.
        History evidence = trained && itemKnn != null ? itemKnn.affinities(user) : history;
        int[] because = itemKnn == null ? null
                : itemKnn.strongestContributors(evidence, ranked.top().stream().mapToInt(CandidateBlend.Blended::item).toArray());
        List<Recommendation> out = new ArrayList<>();
        for (int k = 0; k < ranked.top().size(); k++) {
            CandidateBlend.Blended b = ranked.top().get(k);
            out.add(new Recommendation(train.itemId(b.item()), b.score(), b.dominant(),
                    reason(b.dominant(), b.item(), evidence, ranked, because == null ? -1 : because[k])));
        }
        if (out.size() < request.n()) { // thin history: top up with popular items rather than return too few
            Set<Integer> taken = new HashSet<>();
            out.forEach(r -> taken.add(train.itemIndex(r.itemId())));
            out.addAll(popularityFallback(request.withN(request.n() - out.size()),
                    i -> candidate.test(i) && !taken.contains(i)));
        }
        return out;
    }

    /**
     * Scaling to [0, 1] over the candidates, from min(0, lowest) to the highest, as the served blend scales (see
     * {@link CandidateBlend}); non-candidates and flat score vectors become 0. Scaling per user and over the candidates
     * makes a weight mean the same thing for every user and every model's score scale.
     */
    public static void normalize(double[] s, IntPredicate candidate) {
        double min = 0;
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

    /** {@code because}: the position in {@code history} of the seen item contributing most to it by item-kNN, or -1. */
    private String reason(Source source, int item, History history, CandidateBlend.Result ranked, int because) {
        String similarToSeen = "similar to items you " + verb;
        return switch (source) {
            case ITEM_KNN -> because < 0 ? similarToSeen
                    : "because you " + verb + " " + labels.apply(train.itemId(history.items()[because]));
            case USER_KNN -> {
                long liked = ranked.neighbours().stream().filter(nb -> train.contains(nb.item(), item)).count();
                yield String.format(Locale.ROOT, "liked by %d of the %d users most like you", liked,
                        ranked.neighbours().size());
            }
            case CONTENT -> {
                List<String> terms = content.sharedTerms(
                        ranked.profile() != null ? ranked.profile() : content.profile(history), item, 3);
                yield terms.isEmpty() ? similarToSeen : "similar to your interests: " + String.join(", ", terms);
            }
            case MATRIX_FACTORIZATION -> {
                // The latent match is the reason; the closest seen neighbour, when known, makes it concrete.
                yield "matches your taste profile" + (because < 0 ? ""
                        : ", like " + labels.apply(train.itemId(history.items()[because])) + " which you " + verb);
            }
            case POPULARITY -> popularReason(item);
            // Only the cold-start counts (LiveCounts) answer by co-occurrence; the blend never nominates it.
            case CO_OCCURRENCE -> similarToSeen;
        };
    }

    private String popularReason(int item) {
        return categories[item] == null ? "popular right now" : "popular in " + categories[item];
    }

    /** The audience's popular items, topped up from everyone's when the audience has too few. */
    private List<Recommendation> popularityFallback(RecommendationRequest request, IntPredicate candidate) {
        List<Recommendation> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        Audience audience = request.audience();
        if (audience != null && audience.popularity().itemCount() == train.itemCount()) {
            for (ScoredItem s : audience.popularity().top(request.n(), candidate)) {
                taken.add(s.item());
                out.add(new Recommendation(train.itemId(s.item()), s.score(), Source.POPULARITY,
                        "popular " + audience.label()));
            }
        }
        for (ScoredItem s : popularity.top(request.n() - out.size(), i -> candidate.test(i) && !taken.contains(i))) {
            out.add(new Recommendation(train.itemId(s.item()), s.score(), Source.POPULARITY,
                    popularReason(s.item())));
        }
        return out;
    }

    /** A bit set: the candidate predicate runs for every item a search scans, so it must cost one lookup. */
    private BitSet seen(History history) {
        BitSet seen = new BitSet(train.itemCount());
        for (int i : history.items()) {
            seen.set(i);
        }
        return seen;
    }

    /** Components with weights plus the item metadata used for filters and reasons. */
    public static final class Builder {
        private final Interactions train;
        private final List<CandidateBlend.Component> components = new ArrayList<>();
        private ItemKnn itemKnn;
        private UserKnn userKnn;
        private ContentModel content;
        private Popularity popularity;
        private Function<String, String> categoryOf;
        private Function<String, String> labelOf;
        private String verb = "viewed";
        private int perModel = 100;
        private FactorIndex.Config indexConfig = FactorIndex.Config.DEFAULT;

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
        public Builder matrixFactorization(FactorScorer model, double weight) {
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

        /** How many candidates each model nominates for the blend (default 100). */
        public Builder candidatesPerModel(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("candidates per model must be >= 1: " + n);
            }
            perModel = n;
            return this;
        }

        /** How the factor model's candidates are searched on large catalogs. */
        public Builder factorIndex(FactorIndex.Config config) {
            indexConfig = config;
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
                components.add(new CandidateBlend.Component(source, model, weight));
            }
            return this;
        }
    }
}
