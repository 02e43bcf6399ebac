package io.quanyu.engagement.domain;

/**
 * The rules a due trigger goes through, in order. Everything that excludes a customer (a purchase, consent, the cap, no
 * branch for them, an offer that cannot be granted) is decided before the holdout draw and the same way for both groups, so treated and
 * holdout stay comparable; the cap counts entries of both groups for the same reason.
 */
public final class Decider {

    /**
     * What is known about a due trigger. {@code purchasedDuringWait} counts only for a trigger that exits on purchase;
     * {@code offerGrantable} is true for an action that grants nothing.
     */
    public record Facts(boolean journeyActive, boolean purchasedDuringWait, boolean quietNow, boolean optedOut, int entriesInCapWindow,
                        Integer capMax, boolean branchMatched, boolean offerGrantable, boolean heldOut) {

        /** Facts of a journey with one action and no branches. */
        public Facts(boolean journeyActive, boolean purchasedDuringWait, boolean quietNow, boolean optedOut, int entriesInCapWindow,
                     Integer capMax, boolean offerGrantable, boolean heldOut) {
            this(journeyActive, purchasedDuringWait, quietNow, optedOut, entriesInCapWindow, capMax, true, offerGrantable, heldOut);
        }
    }

    private Decider() {
    }

    public static Outcome decide(Facts f) {
        if (!f.journeyActive()) {
            return Outcome.CANCELLED;
        }
        if (f.purchasedDuringWait()) {
            return Outcome.CONVERTED;
        }
        if (f.quietNow()) {
            return Outcome.WAIT;
        }
        if (f.optedOut()) {
            return Outcome.SUPPRESSED_CONSENT;
        }
        if (f.capMax() != null && f.entriesInCapWindow() >= f.capMax()) {
            return Outcome.SUPPRESSED_CAP;
        }
        if (!f.branchMatched()) {
            return Outcome.NO_BRANCH;
        }
        if (!f.offerGrantable()) {
            return Outcome.OFFER_UNAVAILABLE;
        }
        return f.heldOut() ? Outcome.HOLDOUT : Outcome.ACTED;
    }

    /** A stable action id for (journey, customer, trigger event): the same on every evaluation, on every instance. */
    public static String actionId(String journeyId, String customerKey, String triggerEventId) {
        byte[] h = Holdout.sha256(journeyId + '\u0000' + customerKey + '\u0000' + triggerEventId);
        return "act-" + java.util.HexFormat.of().formatHex(h, 0, 16);
    }
}
