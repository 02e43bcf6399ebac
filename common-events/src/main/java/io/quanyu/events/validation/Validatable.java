package io.quanyu.events.validation;

/** A record with rules beyond required fields (ranges, cross-field consistency). */
public interface Validatable {

    /** Adds this value's own violations; required components are checked by {@link Validator} already. */
    void check(Checks checks);
}
