package io.quanyu.ads.domain;

/**
 * A request the domain cannot honour because of its input (infeasible budget, malformed record); the HTTP layer maps
 * it to 400 with {@code {"error": code(), "message": getMessage()}}.
 */
public class InvalidRequestException extends IllegalArgumentException {

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable, machine-readable error code such as {@code infeasible_budget} or {@code invalid_campaign}. */
    public String code() {
        return code;
    }

    /** Throws an {@code invalid_argument} error with the message unless the condition holds. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidRequestException("invalid_argument", message);
        }
    }
}
