package io.quanyu.chatbot.domain.text;

/** Languages the chatbot tells apart: it serves Chinese and English; anything else is OTHER or UNKNOWN. */
public enum Language {
    ZH, EN, MIXED, OTHER, UNKNOWN
}
