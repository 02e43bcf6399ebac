package io.quanyu.events;

import io.quanyu.events.validation.Violation;
import java.util.List;

/** The outcome of decoding input bytes: a valid value, or the reason it was refused. Never an exception. */
public sealed interface Decoded<T> {

    /** A valid value. */
    record Ok<T>(T value) implements Decoded<T> {
    }

    /** A refusal: the primary code, a human-readable detail, and every violation found. */
    record Failed<T>(ReasonCode code, String detail, List<Violation> violations) implements Decoded<T> {

        static <T> Failed<T> of(ReasonCode code, String detail) {
            return new Failed<>(code, detail, List.of());
        }

        static <T> Failed<T> of(List<Violation> violations) {
            String detail = String.join("; ", violations.stream().map(Violation::toString).toList());
            return new Failed<>(violations.getFirst().code(), detail, violations);
        }
    }

    default boolean ok() {
        return this instanceof Ok<T>;
    }

    /** Continues with the value when there is one; a failure passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <R> Decoded<R> flatMap(java.util.function.Function<T, Decoded<R>> next) {
        return switch (this) {
            case Ok<T> ok -> next.apply(ok.value());
            case Failed<T> f -> (Decoded<R>) f;
        };
    }
}
