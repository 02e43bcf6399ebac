package io.quanyu.engagement.bench;

import io.quanyu.engagement.domain.Holdout;
import io.quanyu.engagement.domain.Uplift;
import java.util.List;
import java.util.Random;

/**
 * A simulation (not data) of journeys with a known true uplift: each customer converts with the base rate p0 when held
 * out and p1 when treated; the group comes from the service's own holdout draw ({@link Holdout}, SHA-256 of journey and
 * customer), and every simulated journey is estimated with {@link Uplift}, the estimator the uplift API reports.
 */
public final class UpliftSimulation {

    /** One setting: customers entering a journey, its holdout share, and the true conversion rates of both groups. */
    public record Setting(String name, int customers, double holdoutShare, double p0, double p1) {

        public double trueUplift() {
            return p1 - p0;
        }
    }

    /** What the repetitions of one setting gave. */
    public record Result(Setting setting, int runs, int estimated, double newcombeCoverage, double waldCoverage, double meanEstimate,
                         double estimateStdError, double meanWidth, double meanHoldout) {

        /** The line the bench prints. */
        public String line() {
            return String.format("  %-28s p0 %5.3f p1 %5.3f (uplift %+6.3f): Newcombe 95%% covered %5.1f%%, Wald %5.1f%%; mean estimate %+7.4f"
                            + " (se of the mean %.4f), mean width %.3f, mean holdout %.0f of %d; %d of %d runs estimable",
                    setting.name(), setting.p0(), setting.p1(), setting.trueUplift(), 100 * newcombeCoverage, 100 * waldCoverage, meanEstimate,
                    estimateStdError, meanWidth, meanHoldout, setting.customers(), estimated, runs);
        }
    }

    /** The settings the bench and the test use: large and small journeys, a rare conversion, and no uplift at all. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("4 points, 1,000 customers", 1000, 0.1, 0.08, 0.12),
            new Setting("no uplift, 1,000 customers", 1000, 0.1, 0.08, 0.08),
            new Setting("no uplift, 200 customers", 200, 0.2, 0.10, 0.10),
            new Setting("1 point, rare, 2,000", 2000, 0.1, 0.02, 0.03),
            new Setting("10 points, 300 customers", 300, 0.2, 0.30, 0.40));

    private UpliftSimulation() {
    }

    /**
     * {@code runs} seeded journeys of one setting. A run whose holdout came out empty has no estimate (the API answers no
     * difference then) and is left out of the coverage, as it is counted in {@code estimated}.
     */
    public static Result run(Setting s, int runs, long seed) {
        Random random = new Random(seed);
        int estimated = 0;
        int newcombe = 0;
        int wald = 0;
        double sum = 0;
        double sumSq = 0;
        double width = 0;
        long heldOutTotal = 0;
        for (int r = 0; r < runs; r++) {
            String journey = "sim-" + seed + "-" + r;
            long treated = 0;
            long treatedConversions = 0;
            long holdout = 0;
            long holdoutConversions = 0;
            for (int c = 0; c < s.customers(); c++) {
                boolean held = Holdout.heldOut(journey, "u:sim-" + c, s.holdoutShare());
                boolean converted = random.nextDouble() < (held ? s.p0() : s.p1());
                if (held) {
                    holdout++;
                    holdoutConversions += converted ? 1 : 0;
                } else {
                    treated++;
                    treatedConversions += converted ? 1 : 0;
                }
            }
            heldOutTotal += holdout;
            Uplift u = Uplift.of(treated, treatedConversions, holdout, holdoutConversions);
            if (u.difference() == null) {
                continue;
            }
            estimated++;
            newcombe += u.newcombe().contains(s.trueUplift()) ? 1 : 0;
            wald += u.wald().contains(s.trueUplift()) ? 1 : 0;
            sum += u.difference();
            sumSq += u.difference() * u.difference();
            width += u.newcombe().upper() - u.newcombe().lower();
        }
        double mean = sum / estimated;
        double sd = Math.sqrt(Math.max(0, sumSq / estimated - mean * mean));
        return new Result(s, runs, estimated, newcombe / (double) estimated, wald / (double) estimated, mean, sd / Math.sqrt(estimated),
                width / estimated, heldOutTotal / (double) runs);
    }

    /** {@code UpliftSimulation [runs] [seed]}: every setting, printed (also the third part of {@code ./quanyu bench engagement}). */
    public static void main(String[] args) {
        print(args.length > 0 ? Integer.parseInt(args[0]) : 2000, args.length > 1 ? Long.parseLong(args[1]) : 19);
    }

    static void print(int runs, long seed) {
        System.out.printf("SIMULATION (not data): known true uplift, %,d seeded journeys per setting (seed %d), groups by the service's holdout"
                + " draw, estimated by domain.Uplift (Newcombe hybrid score 95%%, as GET /v1/journeys/{id}/uplift)%n", runs, seed);
        for (Setting s : SETTINGS) {
            System.out.println(run(s, runs, seed).line());
        }
    }
}
