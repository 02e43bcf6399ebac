package io.quanyu.ads.api;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.config.Currencies;
import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.allocation.Allocation;
import io.quanyu.ads.domain.allocation.AllocationPolicy;
import io.quanyu.ads.domain.allocation.BudgetConstraints;
import io.quanyu.ads.domain.allocation.CampaignHistory;
import io.quanyu.ads.domain.allocation.DailyStats;
import io.quanyu.ads.domain.allocation.RoiAboveMeanPolicy;
import io.quanyu.ads.domain.allocation.SpendBounds;
import io.quanyu.ads.domain.allocation.ThompsonAllocator;
import io.quanyu.ads.domain.allocation.ThompsonConfig;
import io.quanyu.ads.domain.allocation.UniformPolicy;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.messaging.AdsMetrics;
import io.quanyu.ads.messaging.Publisher;
import io.quanyu.ads.store.Attribution;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.ads.store.DecisionStore;
import io.quanyu.ads.store.PerformanceStore;
import io.quanyu.events.AdsDecision;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;

/** Makes a budget decision with the requested policy from the stored history, stores it in the outbox and has it published. */
@ApplicationScoped
public class BudgetService {

    private final AdsConfig config;
    private final Currencies currencies;
    private final CampaignStore campaigns;
    private final PerformanceStore performance;
    private final DecisionStore decisions;
    private final Publisher publisher;
    private final AdsMetrics metrics;

    public BudgetService(AdsConfig config, Currencies currencies, CampaignStore campaigns, PerformanceStore performance, DecisionStore decisions,
                         Publisher publisher, AdsMetrics metrics) {
        this.config = config;
        this.currencies = currencies;
        this.campaigns = campaigns;
        this.performance = performance;
        this.decisions = decisions;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    public AllocationAnswer allocate(AllocateRequest r) throws SQLException {
        if (r == null) {
            throw Rejected.badRequest("invalid_request", "send total_budget and policy as a JSON object");
        }
        if (r.totalBudget() == null || r.totalBudget().signum() < 0 || r.totalBudget().compareTo(CampaignResource.MAX_MONEY.movePointRight(3)) > 0) {
            throw Rejected.badRequest("invalid_budget", "total_budget is required: an amount per day from 0 to 1e12");
        }
        double total = r.totalBudget().doubleValue();
        String policy = Params.choice("policy", r.policy(), null, AdsMetrics.POLICIES);
        if (policy == null) {
            throw Rejected.badRequest("invalid_policy", "policy is required: one of " + String.join(", ", AdsMetrics.POLICIES));
        }
        AttributionModel model = Params.model(r.model());
        double maxChange = r.maxChange() == null ? config.maxChange() : r.maxChange();
        if (!Double.isFinite(maxChange) || maxChange < 0 || maxChange > 10) {
            throw Rejected.badRequest("invalid_max_change", "max_change must be from 0 to 10, was " + maxChange);
        }
        List<Campaign> chosen = campaigns(r.campaigns());
        List<String> ids = chosen.stream().map(Campaign::campaignId).toList();
        Map<String, Double> given = current(r.current(), ids);
        List<String> warnings = new ArrayList<>();
        List<SpendBounds> bounds = new ArrayList<>();
        for (Campaign c : chosen) {
            if (!c.active()) {
                warnings.add("campaign " + c.campaignId() + " is paused: it gets 0");
            }
            bounds.add(c.active() ? new SpendBounds(c.campaignId(), Micros.toUnits(c.minDailySpendMicros()), Micros.toUnits(c.maxDailySpendMicros()))
                    : new SpendBounds(c.campaignId(), 0, 0));
        }
        boolean mayUnderspend = Boolean.TRUE.equals(r.mayUnderspend());
        LocalDate yesterday = LocalDate.now(config.reportingZone()).minusDays(1);
        String decisionId = UUID.randomUUID().toString();
        double[] spend;
        String[] reasons;
        String summary;
        OptimizerRun.Outcome opt = null;
        if (policy.equals("optimizer")) {
            Map<String, CampaignHistory> fit = histories(ids, yesterday, config.fitDays(), model);
            Map<String, Double> current = new HashMap<>(given);
            for (var e : histories(ids, yesterday, config.currentDays(), model).entrySet()) {
                current.putIfAbsent(e.getKey(), e.getValue().total().spend() / config.currentDays());
            }
            opt = OptimizerRun.run(total, bounds, fit, current, new OptimizerRun.Settings(maxChange, config.minFitDays(), mayUnderspend));
            spend = opt.spend();
            reasons = opt.reasons();
            summary = opt.summary();
            warnings.addAll(opt.warnings());
        } else {
            BudgetConstraints constraints = mayUnderspend ? BudgetConstraints.atMost(total, bounds) : BudgetConstraints.exact(total, bounds);
            Map<String, CampaignHistory> history = histories(ids, yesterday, config.historyDays(), model);
            AllocationPolicy p = switch (policy) {
                case "uniform" -> new UniformPolicy();
                case "roi_above_mean" -> new RoiAboveMeanPolicy();
                default -> new ThompsonAllocator(new ThompsonConfig(config.thompsonDiscount(), config.thompsonDraws(), 1, 1, 2,
                        orderValueShape(yesterday)), new SplittableRandom(UUID.fromString(decisionId).getMostSignificantBits()));
            };
            if (policy.equals("thompson")) {
                history.values().stream().filter(h -> h.total().clicks() == 0).forEach(h -> warnings.add("campaign " + h.campaignId()
                        + " has no clicks in the last " + config.historyDays() + " days: its share comes from the prior"));
            }
            Allocation a = p.allocate(constraints, List.copyOf(history.values()));
            spend = a.spends();
            reasons = a.campaigns().stream().map(c -> c.reason()).toArray(String[]::new);
            summary = a.summary();
        }
        double sum = 0;
        for (double v : spend) {
            sum += v;
        }
        BigDecimal[] cents = Cents.round(spend, Math.abs(sum - total) <= 0.005 ? total : sum);
        List<AllocationAnswer.Line> lines = new ArrayList<>();
        List<AdsDecision.CampaignSpend> published = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            lines.add(new AllocationAnswer.Line(ids.get(i), cents[i], reasons[i]));
            published.add(new AdsDecision.CampaignSpend(ids.get(i), cents[i], reasons[i]));
        }
        Instant now = Instant.now();
        var res = opt == null ? null : opt.result();
        AllocationAnswer answer = new AllocationAnswer(decisionId, policy, Attribution.wire(model), r.totalBudget(), currencies.reporting(), lines,
                res == null ? null : res.expectedReturn(), res == null ? null : res.currentExpectedReturn(), res == null ? null : res.expectedLift(),
                opt == null ? null : res == null || res.keptCurrent(), summary, warnings, now);
        AdsDecision decision = new AdsDecision(decisionId, policy, r.totalBudget(), currencies.reporting(), published, answer.expectedReturn(),
                answer.currentExpectedReturn(), Attribution.wire(model), now);
        decisions.save(decision, answer);
        metrics.decision(policy);
        publisher.nudge();
        return answer;
    }

    /** The requested campaigns (registered, no duplicates), or every active registered one. */
    private List<Campaign> campaigns(List<String> requested) throws SQLException {
        Map<String, Campaign> registered = new LinkedHashMap<>();
        campaigns.all().forEach(x -> registered.put(x.campaign().campaignId(), x.campaign()));
        if (requested == null) {
            List<Campaign> active = registered.values().stream().filter(Campaign::active).toList();
            if (active.isEmpty()) {
                throw Rejected.badRequest("no_campaigns", "no active campaign is registered: POST /v1/campaigns first");
            }
            return active;
        }
        if (requested.isEmpty() || requested.contains(null) || new LinkedHashSet<>(requested).size() != requested.size()) {
            throw Rejected.badRequest("invalid_campaigns", "campaigns must list distinct campaign ids, at least one");
        }
        List<Campaign> out = new ArrayList<>();
        for (String id : requested) {
            Campaign c = registered.get(id);
            if (c == null) {
                throw Rejected.badRequest("unknown_campaign", "campaign '" + Params.shorten(id) + "' is not registered");
            }
            out.add(c);
        }
        return out;
    }

    private static Map<String, Double> current(Map<String, BigDecimal> given, List<String> ids) {
        Map<String, Double> out = new HashMap<>();
        if (given == null) {
            return out;
        }
        for (var e : given.entrySet()) {
            if (!ids.contains(e.getKey())) {
                throw Rejected.badRequest("invalid_current", "current names campaign '" + Params.shorten(String.valueOf(e.getKey()))
                        + "', which is not among the campaigns allocated");
            }
            if (e.getValue() == null || e.getValue().signum() < 0 || e.getValue().compareTo(CampaignResource.MAX_MONEY) > 0) {
                throw Rejected.badRequest("invalid_current", "current spend of " + e.getKey() + " must be from 0 to 1e9");
            }
            out.put(e.getKey(), e.getValue().doubleValue());
        }
        return out;
    }

    /** Each campaign's last {@code days} days ending yesterday, oldest first, days without data empty. */
    private Map<String, CampaignHistory> histories(List<String> ids, LocalDate last, int days, AttributionModel model) throws SQLException {
        LocalDate first = last.minusDays(days - 1L);
        Map<String, TreeMap<LocalDate, DailyStats>> stored = performance.history(ids, first, last, model);
        Map<String, CampaignHistory> out = new LinkedHashMap<>();
        for (String id : ids) {
            TreeMap<LocalDate, DailyStats> have = stored.getOrDefault(id, new TreeMap<>());
            List<DailyStats> dense = new ArrayList<>(days);
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                dense.add(have.getOrDefault(d, DailyStats.EMPTY));
            }
            out.put(id, new CampaignHistory(id, dense));
        }
        return out;
    }

    /** 1 / CV² of recent order amounts, the Gamma shape of order values; 1 (exponential) until there are 20 orders. */
    private double orderValueShape(LocalDate last) throws SQLException {
        double[] m = performance.orderAmounts(last.minusDays(config.historyDays() - 1L));
        if (m[0] < 20 || m[1] <= 0 || m[2] <= 0) {
            return 1;
        }
        return Math.max(0.6, Math.min(20, m[1] * m[1] / m[2]));
    }
}
