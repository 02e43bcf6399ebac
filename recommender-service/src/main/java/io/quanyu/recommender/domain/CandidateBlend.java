package io.quanyu.recommender.domain;

import io.quanyu.recommender.domain.Recommendation.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The hybrid's per-request scoring in two stages: each model nominates its best candidates (kNN by sparse
 * accumulation, content by capped posting lists, factors by inner-product search, popularity by its ranking), then
 * every model scores the union and the normalised scores are blended. Cost follows the candidates, not the catalog.
 */
final class CandidateBlend {

    /** A component of the blend. */
    record Component(Source source, Scorer scorer, double weight) {
    }

    /** One blended item: its score and the component that contributed most. */
    record Blended(int item, double score, Source dominant) {
    }

    /** The ranking plus what the reasons need: the user-kNN neighbours and the content profile, when computed. */
    record Result(List<Blended> top, List<ScoredItem> neighbours, ContentModel.Profile profile) {
    }

    /** The content profile's heaviest terms that nominate items; see {@link ContentModel#nominate}. */
    static final int CONTENT_TERMS = 32;
    /**
     * Rankings that run at once. Ranking is pure CPU, so more than the cores only adds memory: a stall that let every
     * waiting request allocate its own catalog-sized workspace once filled the heap, and the collector's stall fed on it.
     */
    private static final int CONCURRENT_RANKINGS = 2 * Runtime.getRuntime().availableProcessors();

    private final List<Component> components;
    private final int itemCount;
    private final int userCount;
    private final int perModel;
    private final FactorIndex factorIndex;
    private final int vocabulary;
    private final BlockingDeque<Workspace> pool = new LinkedBlockingDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    CandidateBlend(List<Component> components, int itemCount, int userCount, int perModel, FactorIndex.Config indexConfig) {
        this.components = List.copyOf(components);
        this.itemCount = itemCount;
        this.userCount = userCount;
        this.perModel = perModel;
        FactorScorer mf = components.stream().filter(c -> c.scorer() instanceof FactorScorer)
                .map(c -> (FactorScorer) c.scorer()).findFirst().orElse(null);
        this.factorIndex = mf == null ? null : FactorIndex.build(mf.itemVectors(), mf.dimensions(), indexConfig);
        this.vocabulary = components.stream().filter(c -> c.scorer() instanceof ContentModel)
                .mapToInt(c -> ((ContentModel) c.scorer()).vocabularySize()).findFirst().orElse(0);
    }

    /**
     * Scratch arrays sized to the catalog, reused across requests: pooled, at most {@link #CONCURRENT_RANKINGS} of them,
     * and last in first out, so a request gets the workspace whose lines are most likely still in the CPU's caches.
     */
    private final class Workspace {
        final SparseScores[] scores = new SparseScores[components.size()];
        final SparseScores candidates = new SparseScores(itemCount);
        final SparseScores users = new SparseScores(Math.max(userCount, 1));
        final SparseScores terms = new SparseScores(Math.max(vocabulary, 1));

        Workspace() {
            for (int c = 0; c < scores.length; c++) {
                scores[c] = new SparseScores(itemCount);
            }
        }

        void clear() {
            for (SparseScores s : scores) {
                s.clear();
            }
            candidates.clear();
            users.clear();
            terms.clear();
        }
    }

    /**
     * The n best candidates. {@code user} ≥ 0 uses the models' trained state for that training user; otherwise the
     * live {@code history} is scored, {@code self} (or -1) naming the training user it belongs to.
     */
    Result rank(int user, History history, int self, IntPredicate candidate, int n) {
        Workspace w = acquire();
        try {
            return rank(w, user, history, self, candidate, n);
        } finally {
            w.clear();
            pool.offerFirst(w);
        }
    }

    /** A free workspace, a new one while fewer than the limit exist, or else the next one returned. */
    private Workspace acquire() {
        Workspace w = pool.pollFirst();
        if (w != null) {
            return w;
        }
        if (created.getAndUpdate(c -> c < CONCURRENT_RANKINGS ? c + 1 : c) < CONCURRENT_RANKINGS) {
            return new Workspace();
        }
        try {
            return pool.takeFirst();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to rank", e);
        }
    }

    private Result rank(Workspace w, int user, History history, int self, IntPredicate candidate, int n) {
        List<ScoredItem> neighbours = List.of();
        ContentModel.Profile profile = null;
        float[] query = null;
        for (int c = 0; c < components.size(); c++) {
            SparseScores s = w.scores[c];
            Scorer model = components.get(c).scorer();
            switch (model) {
                case ItemKnn knn -> knn.accumulate(user >= 0 ? knn.affinities(user) : history, s);
                case UserKnn knn -> {
                    neighbours = knn.neighbours(history, self, w.users);
                    knn.accumulate(neighbours, s);
                }
                case ContentModel cm -> {
                    profile = cm.profile(history);
                    cm.nominate(profile, CONTENT_TERMS, perModel, s);
                    cm.scatter(profile, w.terms);
                }
                case FactorScorer mf -> {
                    double[] u = user >= 0 ? mf.userVector(user) : mf.userVector(history);
                    query = factorIndex.query(u);
                    TopN top = new TopN(perModel);
                    factorIndex.search(u, perModel, candidate, top);
                    for (ScoredItem si : top.sorted()) {
                        s.add(si.item(), si.score());
                        w.candidates.add(si.item(), 0);
                    }
                    continue;
                }
                case Popularity pop -> {
                    for (ScoredItem si : pop.top(perModel, candidate)) {
                        w.candidates.add(si.item(), 0);
                    }
                    continue;
                }
                default -> throw new IllegalStateException("no candidate scoring for " + model.getClass().getSimpleName());
            }
            nominate(s, candidate, w.candidates);
        }
        // Every model scores every candidate: factors and content exactly, the kNN models' untouched items are genuinely 0.
        int size = w.candidates.size();
        double[] total = new double[size];
        double[] best = new double[size];
        Source[] dominant = new Source[size];
        double[] v = new double[size];
        for (int c = 0; c < components.size(); c++) {
            Component comp = components.get(c);
            for (int k = 0; k < size; k++) {
                int i = w.candidates.index(k);
                v[k] = switch (comp.scorer()) {
                    case FactorScorer mf -> w.scores[c].contains(i) ? w.scores[c].get(i) : factorIndex.score(query, i);
                    case Popularity pop -> pop.score(i);
                    case ContentModel cm -> cm.score(w.terms, i);
                    default -> w.scores[c].get(i);
                };
            }
            normalize(v, size);
            for (int k = 0; k < size; k++) {
                double x = comp.weight() * v[k];
                total[k] += x;
                if (x > best[k]) {
                    best[k] = x;
                    dominant[k] = comp.source();
                }
            }
        }
        TopN top = new TopN(n);
        for (int k = 0; k < size; k++) {
            if (dominant[k] != null) {
                top.offer(k, total[k]);
            }
        }
        List<Blended> out = new ArrayList<>();
        for (ScoredItem s : top.sorted()) {
            out.add(new Blended(w.candidates.index(s.item()), s.score(), dominant[s.item()]));
        }
        return new Result(out, neighbours, profile);
    }

    /** A sparse model's own top {@code perModel} accepted items join the candidates. */
    private void nominate(SparseScores s, IntPredicate candidate, SparseScores candidates) {
        TopN top = new TopN(perModel);
        for (int k = 0; k < s.size(); k++) {
            int i = s.index(k);
            double x = s.get(i);
            if (x > 0 && candidate.test(i)) {
                top.offer(i, x);
            }
        }
        for (ScoredItem si : top.sorted()) {
            candidates.add(si.item(), 0);
        }
    }

    /**
     * Scales to [0, 1] over the candidates from min(0, lowest) to the highest. The floor of 0 is the score of every
     * item a sparse model did not touch, so two tied neighbours of a seen item both score 1 rather than flattening
     * to 0, as they would with the candidates' own minimum; a flat vector becomes 0.
     */
    private static void normalize(double[] v, int size) {
        double min = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            min = Math.min(min, v[k]);
            max = Math.max(max, v[k]);
        }
        double range = max - min;
        for (int k = 0; k < size; k++) {
            v[k] = range > 0 ? (v[k] - min) / range : 0;
        }
    }
}
