package io.quanyu.recommender.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Content-based model: TF-IDF item vectors over product text, item-item cosine and weighted user profiles. */
public final class ContentModel implements Scorer {

    /** A sparse, L2-normalised term vector with term ids ascending. */
    public record Profile(int[] terms, double[] weights) {
        public boolean isEmpty() {
            return terms.length == 0;
        }

        double weightOf(int term) {
            int k = Arrays.binarySearch(terms, term);
            return k >= 0 ? weights[k] : 0;
        }
    }

    private final Interactions train;
    private final List<String> vocabulary;
    private final int[] itemPtr;
    private final int[] itemTerms;
    private final float[] itemValues;
    private final int[] termPtr;
    private final int[] termItems;
    private final float[] termValues;

    private ContentModel(Interactions train, List<String> vocabulary, int[] itemPtr, int[] itemTerms,
            float[] itemValues) {
        this.train = train;
        this.vocabulary = vocabulary;
        this.itemPtr = itemPtr;
        this.itemTerms = itemTerms;
        this.itemValues = itemValues;
        // Postings (term → items) so that scoring a profile touches only items sharing a term with it.
        int nTerms = vocabulary.size();
        termPtr = new int[nTerms + 1];
        for (int t : itemTerms) {
            termPtr[t + 1]++;
        }
        for (int t = 0; t < nTerms; t++) {
            termPtr[t + 1] += termPtr[t];
        }
        termItems = new int[itemTerms.length];
        termValues = new float[itemTerms.length];
        int[] fill = Arrays.copyOf(termPtr, nTerms);
        for (int i = 0; i + 1 < itemPtr.length; i++) {
            for (int p = itemPtr[i]; p < itemPtr[i + 1]; p++) {
                int q = fill[itemTerms[p]]++;
                termItems[q] = i;
                termValues[q] = itemValues[p];
            }
        }
        sortPostingsByWeight();
    }

    /** Each term's postings heaviest first, so a capped walk of a posting list meets its best items first. */
    private void sortPostingsByWeight() {
        for (int t = 0; t + 1 < termPtr.length; t++) {
            int from = termPtr[t];
            int len = termPtr[t + 1] - from;
            if (len < 2) {
                continue;
            }
            long[] keyed = new long[len];
            for (int k = 0; k < len; k++) {
                // Descending by weight (non-negative floats order like their bits), then ascending by item.
                keyed[k] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(termValues[from + k])) << 32) | termItems[from + k];
            }
            Arrays.sort(keyed);
            for (int k = 0; k < len; k++) {
                termItems[from + k] = (int) keyed[k];
                termValues[from + k] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keyed[k] >>> 32));
            }
        }
    }

    public static Recommender recommender(IntFunction<String> itemText) {
        return Recommender.of("Content(TF-IDF)", train -> fit(train, itemText));
    }

    /**
     * Vectors for every item of {@code train}; {@code itemText} gives an item index's text (null or "" for none). No
     * interactions are needed on the item side, which is what lets content reach new catalog items (cold start).
     */
    public static ContentModel fit(Interactions train, IntFunction<String> itemText) {
        return fit(train, itemText, TextTokenizer::tokens);
    }

    /** As {@link #fit(Interactions, IntFunction)} with another tokenizer, to compare tokenizers on the same model. */
    static ContentModel fit(Interactions train, IntFunction<String> itemText,
            Function<String, List<String>> tokenizer) {
        int n = train.itemCount();
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<Map<Integer, Integer>> counts = new ArrayList<>(n);
        int[] df = new int[16];
        int docs = 0;
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> tf = new HashMap<>();
            for (String token : tokenizer.apply(itemText.apply(i))) {
                Integer id = ids.computeIfAbsent(token, t -> {
                    vocabulary.add(t);
                    return vocabulary.size() - 1;
                });
                tf.merge(id, 1, Integer::sum);
            }
            if (vocabulary.size() > df.length) {
                df = Arrays.copyOf(df, Math.max(df.length * 2, vocabulary.size()));
            }
            for (int t : tf.keySet()) {
                df[t]++;
            }
            docs += tf.isEmpty() ? 0 : 1;
            counts.add(tf);
        }
        int[] ptr = new int[n + 1];
        int nnz = counts.stream().mapToInt(Map::size).sum();
        int[] terms = new int[nnz];
        float[] values = new float[nnz];
        int at = 0;
        for (int i = 0; i < n; i++) {
            int[] ts = counts.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double norm = 0;
            // Sublinear tf (1 + ln tf) so a repeated word does not dominate; smoothed idf, never zero for a term
            // in every document, so such terms still contribute a little instead of vanishing.
            for (int k = 0; k < ts.length; k++) {
                double w = (1 + Math.log(counts.get(i).get(ts[k]))) * (Math.log((1.0 + docs) / (1.0 + df[ts[k]])) + 1);
                terms[at + k] = ts[k];
                values[at + k] = (float) w;
                norm += w * w;
            }
            for (int k = 0; k < ts.length; k++) {
                values[at + k] = (float) (values[at + k] / Math.sqrt(norm));
            }
            at += ts.length;
            ptr[i + 1] = at;
        }
        return new ContentModel(train, List.copyOf(vocabulary), ptr, terms, values);
    }

    @Override
    public int itemCount() {
        return itemPtr.length - 1;
    }

    public int vocabularySize() {
        return vocabulary.size();
    }

    /** Cosine similarity of two items' texts. */
    public double similarity(int a, int b) {
        double s = 0;
        int p = itemPtr[a];
        int q = itemPtr[b];
        while (p < itemPtr[a + 1] && q < itemPtr[b + 1]) {
            int c = Integer.compare(itemTerms[p], itemTerms[q]);
            if (c == 0) {
                s += itemValues[p++] * itemValues[q++];
            } else if (c < 0) {
                p++;
            } else {
                q++;
            }
        }
        return s;
    }

    /** The n items whose text is most similar to {@code item}'s (itself excluded), with cosine scores. */
    public List<ScoredItem> similar(int item, int n) {
        double[] s = new double[itemCount()];
        score(profile(History.of(new int[] {item}, new double[] {1})), s);
        return TopN.of(s, n, i -> i == item || s[i] <= 0);
    }

    /** Weighted sum of the history's item vectors, L2-normalised; non-positive weights are skipped. */
    public Profile profile(History history) {
        int total = 0;
        for (int item : history.items()) {
            total += itemPtr[item + 1] - itemPtr[item];
        }
        long[] keys = new long[total];
        double[] contrib = new double[total];
        int k = 0;
        for (int h = 0; h < history.size(); h++) {
            int item = history.items()[h];
            double w = Math.max(0, history.weights()[h]);
            for (int p = itemPtr[item]; p < itemPtr[item + 1]; p++, k++) {
                keys[k] = ((long) itemTerms[p] << 32) | k;
                contrib[k] = w * itemValues[p];
            }
        }
        Arrays.sort(keys);
        int[] terms = new int[total];
        double[] weights = new double[total];
        int m = 0;
        double norm = 0;
        for (int x = 0; x < total; ) {
            int term = (int) (keys[x] >>> 32);
            double w = 0;
            for (; x < total && (int) (keys[x] >>> 32) == term; x++) {
                w += contrib[(int) keys[x]];
            }
            if (w > 0) {
                terms[m] = term;
                weights[m++] = w;
                norm += w * w;
            }
        }
        double[] normalised = Arrays.copyOf(weights, m);
        for (int x = 0; x < m; x++) {
            normalised[x] /= Math.sqrt(norm);
        }
        return new Profile(Arrays.copyOf(terms, m), normalised);
    }

    @Override
    public void score(int user, double[] out) {
        score(train.history(user), out);
    }

    @Override
    public void score(History history, double[] out) {
        score(profile(history), out);
    }

    /** Cosine between the profile and every item vector. */
    public void score(Profile profile, double[] out) {
        Arrays.fill(out, 0);
        for (int x = 0; x < profile.terms().length; x++) {
            int t = profile.terms()[x];
            double w = profile.weights()[x];
            for (int q = termPtr[t]; q < termPtr[t + 1]; q++) {
                out[termItems[q]] += w * termValues[q];
            }
        }
    }

    /**
     * Nominates candidates for a profile at a cost independent of the catalog's size: the first {@code perTerm}
     * postings (the items weighing the term most) of the profile's {@code maxTerms} heaviest terms get their partial
     * cosine added to {@code out}. A word in every title would otherwise touch the whole catalog. Score the nominated
     * items exactly with {@link #score(SparseScores, int)}.
     */
    public void nominate(Profile profile, int maxTerms, int perTerm, SparseScores out) {
        int[] terms = profile.terms();
        double[] weights = profile.weights();
        double floor = Double.NEGATIVE_INFINITY;
        if (terms.length > maxTerms) {
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            floor = sorted[sorted.length - maxTerms];
        }
        for (int x = 0; x < terms.length; x++) {
            if (weights[x] < floor) {
                continue;
            }
            int end = Math.min(termPtr[terms[x] + 1], termPtr[terms[x]] + perTerm);
            for (int q = termPtr[terms[x]]; q < end; q++) {
                out.add(termItems[q], weights[x] * termValues[q]);
            }
        }
    }

    /** Writes the profile's weights into {@code byTerm} (capacity ≥ {@link #vocabularySize()}) for {@link #score(SparseScores, int)}. */
    public void scatter(Profile profile, SparseScores byTerm) {
        for (int x = 0; x < profile.terms().length; x++) {
            byTerm.add(profile.terms()[x], profile.weights()[x]);
        }
    }

    /** Cosine between a profile scattered by {@link #scatter} and one item's vector: a lookup per term. */
    public double score(SparseScores byTerm, int item) {
        double s = 0;
        for (int p = itemPtr[item]; p < itemPtr[item + 1]; p++) {
            s += itemValues[p] * byTerm.get(itemTerms[p]);
        }
        return s;
    }

    /** The profile's n heaviest terms: "your interests". */
    public List<String> topTerms(Profile profile, int n) {
        TopN top = new TopN(n);
        for (int x = 0; x < profile.terms().length; x++) {
            top.offer(profile.terms()[x], profile.weights()[x]);
        }
        return top.sorted().stream().map(s -> vocabulary.get(s.item())).toList();
    }

    /** The n terms contributing most to the profile · item cosine: why this item matches. */
    public List<String> sharedTerms(Profile profile, int item, int n) {
        TopN top = new TopN(n);
        for (int p = itemPtr[item]; p < itemPtr[item + 1]; p++) {
            double c = itemValues[p] * profile.weightOf(itemTerms[p]);
            if (c > 0) {
                top.offer(itemTerms[p], c);
            }
        }
        return top.sorted().stream().map(s -> vocabulary.get(s.item())).toList();
    }
}
