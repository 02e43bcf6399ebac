package io.quanyu.chatbot.domain.text;

/**
 * What a text is written in: {@code language} may be MIXED, {@code dominant} is then the larger of ZH and EN
 * (for choosing models); {@code gibberish} marks letters that form no language (keyboard mashing);
 * {@code hanShare} is the Chinese share of the letters, weighting a Han character like a short word.
 */
public record LanguageGuess(Language language, Language dominant, double confidence, boolean gibberish, double hanShare) {

    /** True when the chatbot can work on the text in one of its languages. */
    public boolean supported() {
        return dominant == Language.ZH || dominant == Language.EN;
    }
}
