package io.quanyu.chatbot.domain.text;

import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Detects Chinese, English, mixed text and gibberish. Scripts decide first (a Han character counts like a
 * three-letter word); Latin text is English when most of its words are English words, another language
 * when OpenNLP's language model is sure of one, and gibberish otherwise. Thread-safe.
 */
public final class LanguageDetector {

    private static final double HAN_WEIGHT = 3.0;
    private static final double SOLE_SHARE = 0.8;
    private static final double MINOR_SHARE = 0.1;
    private static final double ENGLISH_WORDS = 0.6;
    private static final double LANGDETECT_PEAK = 0.022;
    private static volatile LanguageDetectorModel model;

    public LanguageGuess detect(String text) {
        String t = TextNormalizer.cap(text, 500);
        int han = 0;
        int latin = 0;
        int other = 0;
        int kana = 0;
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            } else {
                other++;
                if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                    kana++;
                }
            }
        }
        // Kana never appear in Chinese: Han characters next to them are Japanese kanji.
        if (kana >= 2) {
            return new LanguageGuess(Language.OTHER, Language.OTHER, 1.0, false, 0);
        }
        double wHan = han * HAN_WEIGHT;
        double total = wHan + latin + other;
        if (total == 0) {
            return new LanguageGuess(Language.UNKNOWN, Language.UNKNOWN, 1.0, false, 0);
        }
        double hanShare = wHan / total;
        double latinShare = latin / total;
        double otherShare = other / total;
        if (otherShare >= SOLE_SHARE) {
            return new LanguageGuess(Language.OTHER, Language.OTHER, otherShare, false, hanShare);
        }
        LanguageGuess latinGuess = latin > 0 ? latin(t, hanShare) : null;
        boolean english = latinGuess != null && latinGuess.language() == Language.EN;
        if (han > 0 && english && Math.min(hanShare, latinShare) >= MINOR_SHARE) {
            Language dominant = hanShare >= latinShare ? Language.ZH : Language.EN;
            return new LanguageGuess(Language.MIXED, dominant, Math.max(hanShare, latinShare), false, hanShare);
        }
        // Chinese with stray Latin letters (model names, abbreviations, typos) is still Chinese.
        if (han > 0 && hanShare >= latinShare && hanShare >= otherShare) {
            return new LanguageGuess(Language.ZH, Language.ZH, hanShare, false, hanShare);
        }
        if (latinGuess != null && latinShare >= otherShare) {
            return latinGuess;
        }
        return new LanguageGuess(Language.OTHER, Language.OTHER, otherShare, false, hanShare);
    }

    private LanguageGuess latin(String text, double hanShare) {
        int words = 0;
        int known = 0;
        StringBuilder latinText = new StringBuilder();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}']+")) {
            String word = w.replace("'", "");
            if (word.isEmpty()) {
                continue;
            }
            words++;
            latinText.append(word).append(' ');
            if (EnglishVocabulary.contains(word) || word.length() == 1 && (word.equals("a") || word.equals("i"))) {
                known++;
            }
        }
        double english = words == 0 ? 0 : (double) known / words;
        if (english >= ENGLISH_WORDS) {
            return new LanguageGuess(Language.EN, Language.EN, english, false, hanShare);
        }
        if (latinText.length() >= 20) {
            opennlp.tools.langdetect.Language best = new LanguageDetectorME(model()).predictLanguage(latinText);
            // Its confidences spread over 103 languages: real text peaks near 0.03, keyboard mashing near 0.015.
            if (!best.getLang().equals("eng") && best.getConfidence() >= LANGDETECT_PEAK) {
                return new LanguageGuess(Language.OTHER, Language.OTHER, best.getConfidence(), false, hanShare);
            }
        }
        return new LanguageGuess(Language.UNKNOWN, Language.UNKNOWN, 1 - english, true, hanShare);
    }

    private static LanguageDetectorModel model() {
        LanguageDetectorModel m = model;
        if (m == null) {
            synchronized (LanguageDetector.class) {
                if (model == null) {
                    try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
                        if (in == null) {
                            throw new IllegalStateException("OpenNLP langdetect model not on the classpath");
                        }
                        model = new LanguageDetectorModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                m = model;
            }
        }
        return m;
    }
}
