package io.quanyu.profile.domain.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Everything one customer did, kept in time order whatever order the activities arrive in. */
public record CustomerHistory(String customerId, List<Activity> activities) {

    public CustomerHistory {
        Objects.requireNonNull(customerId, "customerId");
        // Sorted once here so that every feature computation can stop at the cutoff instead of scanning everything.
        activities = activities.stream().sorted(Comparator.comparing(Activity::time)).toList();
    }
}
