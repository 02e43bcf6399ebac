package io.quanyu.ads.domain.audience;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.Set;

/**
 * What targeting needs to know about a customer: the service builds it from the profile digest
 * ({@code customerId}, {@code segments}) and the profile's purchase propensity score.
 *
 * @param propensity the probability-like score of buying soon, in [0, 1]
 */
public record AudienceMember(String customerId, double propensity, Set<String> segments) {

    public AudienceMember {
        InvalidRequestException.require(customerId != null && !customerId.isBlank(), "customerId is required");
        InvalidRequestException.require(propensity >= 0 && propensity <= 1,
                "propensity of " + customerId + " must be in [0, 1], got " + propensity);
        segments = segments == null ? Set.of() : Set.copyOf(segments);
    }
}
