package io.quanyu.chatbot.domain.entity;

/** Kinds of entity the chatbot extracts from a turn. */
public enum EntityType {
    ORDER_NUMBER, PRODUCT, SKU, DATE, QUANTITY, PHONE
}
