package io.quanyu.chatbot.domain.ml;

/**
 * How texts become TF-IDF features: word n-grams up to wordMaxN (0 = none; Chinese words from jieba when
 * segmentChinese) and character n-grams charMinN..charMaxN inside whitespace-separated chunks (0 = none),
 * each block L2-normalised and weighted; features seen in fewer than minDf training texts are dropped.
 */
public record VectorizerConfig(int wordMaxN, int charMinN, int charMaxN, double wordWeight, double charWeight,
                               int minDf, int maxChars, boolean segmentChinese) {

    public VectorizerConfig {
        if (wordMaxN < 0 || charMinN < 0 || charMaxN < charMinN || minDf < 1 || maxChars < 1) {
            throw new IllegalArgumentException("bad vectorizer config");
        }
    }

    /** Short English or Chinese utterances (intents): word 1-2-grams and char 2-5-grams. */
    public static VectorizerConfig utterances() {
        return new VectorizerConfig(2, 2, 5, 1.0, 1.0, 1, 1000, true);
    }

    /** Reviews (sentiment): word 1-2-grams and char 1-4-grams, features of a single review dropped to bound the model. */
    public static VectorizerConfig reviews() {
        return new VectorizerConfig(2, 1, 4, 1.0, 1.0, 2, 3000, true);
    }

    public VectorizerConfig withMinDf(int newMinDf) {
        return new VectorizerConfig(wordMaxN, charMinN, charMaxN, wordWeight, charWeight, newMinDf, maxChars, segmentChinese);
    }
}
