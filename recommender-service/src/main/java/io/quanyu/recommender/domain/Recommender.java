package io.quanyu.recommender.domain;

import java.util.Objects;
import java.util.function.Function;

/** A named way to fit a {@link Scorer} on interactions; what {@link Evaluation} compares. */
public interface Recommender {

    String name();

    Scorer fit(Interactions train);

    static Recommender of(String name, Function<Interactions, ? extends Scorer> fit) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fit, "fit");
        return new Recommender() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Scorer fit(Interactions train) {
                return fit.apply(train);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
