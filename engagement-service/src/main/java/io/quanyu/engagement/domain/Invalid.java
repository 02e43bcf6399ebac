package io.quanyu.engagement.domain;

/** A definition or request that cannot be accepted, with the reason the API returns as a 400. */
public final class Invalid extends RuntimeException {

    public Invalid(String message) {
        super(message, null, false, false);
    }
}
