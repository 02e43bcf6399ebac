package io.quanyu.ads.domain.allocation;

import io.quanyu.ads.domain.InvalidRequestException;

/**
 * Budget constraints no allocation can satisfy (the minimums exceed the total, or the maximums cannot absorb it);
 * error code {@code infeasible_budget}, mapped to 400.
 */
public class InfeasibleBudgetException extends InvalidRequestException {

    public InfeasibleBudgetException(String message) {
        super("infeasible_budget", message);
    }
}
