package io.quanyu.chatbot.domain.entity;

/**
 * An entity found in a turn: {@code text} is exactly {@code original.substring(start, end)}; {@code value}
 * is its normalised form (order number upper-cased, product id, SKU, ISO date, integer quantity, phone
 * digits); {@code display} is what a reply or a log may show. For phones, display is masked and neither
 * text nor value may be echoed; toString shows display only.
 */
public record Entity(EntityType type, String text, String value, int start, int end, String display) {

    public Entity {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public boolean sensitive() {
        return type == EntityType.PHONE;
    }

    @Override
    public String toString() {
        return type + "[" + start + ".." + end + "]=" + (sensitive() ? display : value);
    }
}
