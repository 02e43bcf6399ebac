package io.quanyu.chatbot.domain.ml;

import io.quanyu.chatbot.domain.text.ChineseSegmenter;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sublinear TF-IDF over hashed word and character n-grams. N-grams are identified by 64-bit hashes, so the
 * vocabulary of a large corpus costs no strings; the vocabulary and IDF are learnt by fitTransform.
 */
public final class TextVectorizer {

    private static final long WORD_SEED = 0x5bd1e995L;
    private static final long CHAR_SEED = 0x1b873593L;
    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter();

    private final VectorizerConfig config;
    private final LongIntMap wordVocab;
    private final LongIntMap charVocab;
    private final float[] idf;

    private TextVectorizer(VectorizerConfig config, LongIntMap wordVocab, LongIntMap charVocab, float[] idf) {
        this.config = config;
        this.wordVocab = wordVocab;
        this.charVocab = charVocab;
        this.idf = idf;
    }

    /** A fitted vectorizer and the vectors of the texts it was fitted on. */
    public record Fitted(TextVectorizer vectorizer, List<SparseVector> vectors) {
    }

    public static Fitted fitTransform(List<String> texts, VectorizerConfig config) {
        List<long[][]> grams = texts.parallelStream().map(t -> extract(t, config)).toList();
        LongIntMap wordDf = new LongIntMap(1 << 16);
        LongIntMap charDf = new LongIntMap(1 << 16);
        for (long[][] g : grams) {
            countUnique(g[0], wordDf);
            countUnique(g[1], charDf);
        }
        int n = texts.size();
        List<Float> idfList = new ArrayList<>();
        LongIntMap wordVocab = vocabulary(wordDf, config.minDf(), n, idfList);
        LongIntMap charVocab = vocabulary(charDf, config.minDf(), n, idfList);
        float[] idf = new float[idfList.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfList.get(i);
        }
        TextVectorizer v = new TextVectorizer(config, wordVocab, charVocab, idf);
        List<SparseVector> vectors = grams.parallelStream().map(v::vectorize).toList();
        return new Fitted(v, vectors);
    }

    public SparseVector transform(String text) {
        return vectorize(extract(text, config));
    }

    /** Number of features (the highest index plus one). */
    public int dimension() {
        return idf.length;
    }

    public VectorizerConfig config() {
        return config;
    }

    private SparseVector vectorize(long[][] grams) {
        SparseVector words = block(grams[0], wordVocab, (float) config.wordWeight());
        SparseVector chars = block(grams[1], charVocab, (float) config.charWeight());
        int[] idx = Arrays.copyOf(words.indices(), words.size() + chars.size());
        float[] val = Arrays.copyOf(words.values(), idx.length);
        System.arraycopy(chars.indices(), 0, idx, words.size(), chars.size());
        System.arraycopy(chars.values(), 0, val, words.size(), chars.size());
        return new SparseVector(idx, val);
    }

    private SparseVector block(long[] sortedHashes, LongIntMap vocab, float weight) {
        int[] idx = new int[sortedHashes.length];
        float[] val = new float[sortedHashes.length];
        int k = 0;
        double norm = 0;
        for (int i = 0; i < sortedHashes.length; ) {
            int j = i;
            while (j < sortedHashes.length && sortedHashes[j] == sortedHashes[i]) {
                j++;
            }
            int f = vocab.get(sortedHashes[i], -1);
            if (f >= 0) {
                float v = (float) ((1 + Math.log(j - i)) * idf[f]);
                idx[k] = f;
                val[k++] = v;
                norm += (double) v * v;
            }
            i = j;
        }
        float scale = norm > 0 ? (float) (weight / Math.sqrt(norm)) : 0f;
        for (int i = 0; i < k; i++) {
            val[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
    }

    private static LongIntMap vocabulary(LongIntMap df, int minDf, int n, List<Float> idf) {
        LongIntMap vocab = new LongIntMap(df.size());
        df.forEach((hash, count) -> {
            if (count >= minDf) {
                vocab.put(hash, idf.size());
                idf.add((float) (Math.log((1.0 + n) / (1.0 + count)) + 1.0));
            }
        });
        return vocab;
    }

    private static void countUnique(long[] sorted, LongIntMap df) {
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                df.add(sorted[i], 1);
            }
        }
    }

    /** Sorted word-gram and char-gram hashes of one text. */
    static long[][] extract(String raw, VectorizerConfig config) {
        String text = TextNormalizer.fold(TextNormalizer.cap(raw, config.maxChars()));
        LongList words = new LongList();
        if (config.wordMaxN() > 0) {
            List<String> tokens = wordTokens(text, config.segmentChinese());
            long[] h = new long[tokens.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = fnv(tokens.get(i), WORD_SEED);
            }
            for (int i = 0; i < h.length; i++) {
                long g = WORD_SEED;
                for (int n = 1; n <= config.wordMaxN() && i + n <= h.length; n++) {
                    g = fmix(g * 31 + h[i + n - 1]);
                    words.add(g);
                }
            }
        }
        LongList chars = new LongList();
        if (config.charMaxN() > 0) {
            for (String chunk : text.split("\\s+")) {
                if (chunk.isEmpty()) {
                    continue;
                }
                String padded = " " + chunk + " ";
                for (int i = 0; i < padded.length(); i++) {
                    long h = CHAR_SEED;
                    for (int n = 1; n <= config.charMaxN() && i + n <= padded.length(); n++) {
                        h = (h ^ padded.charAt(i + n - 1)) * 0x100000001b3L;
                        if (n >= config.charMinN()) {
                            chars.add(fmix(h + n));
                        }
                    }
                }
            }
        }
        long[] w = words.toArray();
        long[] c = chars.toArray();
        Arrays.sort(w);
        Arrays.sort(c);
        return new long[][] {w, c};
    }

    /** Word tokens of folded text: jieba words where there is Chinese, else runs of letters and digits. */
    static List<String> wordTokens(String folded, boolean segmentChinese) {
        List<String> out = new ArrayList<>();
        if (segmentChinese && TextNormalizer.containsHan(folded)) {
            for (String w : SEGMENTER.words(folded)) {
                if (w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    out.add(w);
                }
            }
            return out;
        }
        int i = 0;
        while (i < folded.length()) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < folded.length() && (Character.isLetterOrDigit(folded.charAt(j)) || folded.charAt(j) == '\'')) {
                    j++;
                }
                out.add(folded.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }

    private static long fnv(String s, long seed) {
        long h = seed ^ 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return fmix(h);
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    void write(DataOutputStream out) throws IOException {
        VectorizerConfig c = config;
        out.writeInt(c.wordMaxN());
        out.writeInt(c.charMinN());
        out.writeInt(c.charMaxN());
        out.writeDouble(c.wordWeight());
        out.writeDouble(c.charWeight());
        out.writeInt(c.minDf());
        out.writeInt(c.maxChars());
        out.writeBoolean(c.segmentChinese());
        writeVocab(out, wordVocab);
        writeVocab(out, charVocab);
        out.writeInt(idf.length);
        for (float f : idf) {
            out.writeFloat(f);
        }
    }

    static TextVectorizer read(DataInputStream in) throws IOException {
        VectorizerConfig c = new VectorizerConfig(in.readInt(), in.readInt(), in.readInt(), in.readDouble(),
                in.readDouble(), in.readInt(), in.readInt(), in.readBoolean());
        LongIntMap words = readVocab(in);
        LongIntMap chars = readVocab(in);
        float[] idf = new float[in.readInt()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = in.readFloat();
        }
        return new TextVectorizer(c, words, chars, idf);
    }

    private static void writeVocab(DataOutputStream out, LongIntMap vocab) throws IOException {
        out.writeInt(vocab.size());
        IOException[] failure = new IOException[1];
        vocab.forEach((k, v) -> {
            try {
                out.writeLong(k);
                out.writeInt(v);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static LongIntMap readVocab(DataInputStream in) throws IOException {
        int n = in.readInt();
        LongIntMap vocab = new LongIntMap(n);
        for (int i = 0; i < n; i++) {
            vocab.put(in.readLong(), in.readInt());
        }
        return vocab;
    }

    /** A growable list of longs. */
    private static final class LongList {
        private long[] data = new long[64];
        private int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
