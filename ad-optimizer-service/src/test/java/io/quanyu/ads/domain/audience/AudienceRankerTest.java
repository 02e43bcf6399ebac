package io.quanyu.ads.domain.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AudienceRankerTest {

    private static final List<AudienceMember> MEMBERS = List.of(
            new AudienceMember("a", 0.9, Set.of("x")),
            new AudienceMember("b", 0.8, Set.of("y")),
            new AudienceMember("c", 0.95, Set.of()),
            new AudienceMember("d", 0.7, Set.of("x", "optout")),
            new AudienceMember("e", 0.6, Set.of("x", "y")));

    @Test
    void filterKeepsTargetSegmentMembersMinusExclusions() {
        TargetingSpec spec = new TargetingSpec(Set.of("x", "y"), Set.of("optout"), TargetingSpec.Mode.FILTER, 0);
        List<RankedMember> top = AudienceRanker.top(spec, MEMBERS, 10);
        assertThat(top).extracting(RankedMember::customerId).containsExactly("a", "b", "e");
        assertThat(top.get(2).matchedSegments()).containsExactly("x", "y");
        assertThat(top.getFirst().score()).isEqualTo(0.9);
    }

    @Test
    void boostFavoursTargetSegmentsWithoutExcludingOthers() {
        // a: 0.9·1.5 = 1.35; b: 0.8·1.5 = 1.2; e: 0.6·2 = 1.2 (tie with b, broken by id); c: 0.95.
        TargetingSpec spec = new TargetingSpec(Set.of("x", "y"), Set.of("optout"), TargetingSpec.Mode.BOOST, 1);
        List<RankedMember> top = AudienceRanker.top(spec, MEMBERS, 3);
        assertThat(top).extracting(RankedMember::customerId).containsExactly("a", "b", "e");
        assertThat(top.get(0).score()).isCloseTo(1.35, within(1e-12));
        assertThat(top.get(2).score()).isCloseTo(1.2, within(1e-12));
        assertThat(AudienceRanker.top(spec, MEMBERS, 10)).extracting(RankedMember::customerId)
                .containsExactly("a", "b", "e", "c");
    }

    @Test
    void noTargetsRanksEveryoneByPropensity() {
        Campaign c = new Campaign("c1", null, List.of("search"), 0, 1, Set.of(), List.of(), true);
        assertThat(AudienceRanker.top(TargetingSpec.forCampaign(c, Set.of()), MEMBERS, 2))
                .extracting(RankedMember::customerId).containsExactly("c", "a");
    }

    @Test
    void boundedHeapGivesTheSameTopAsAFullSort() {
        SplittableRandom rng = new SplittableRandom(9);
        List<AudienceMember> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(new AudienceMember("m" + i, Math.round(rng.nextDouble() * 100) / 100.0,
                    rng.nextBoolean() ? Set.of("vip") : Set.of("new")));
        }
        TargetingSpec spec = new TargetingSpec(Set.of("vip"), Set.of(), TargetingSpec.Mode.BOOST, 0.5);
        List<RankedMember> all = many.stream().map(m -> AudienceRanker.score(spec, m))
                .sorted(AudienceRanker.BEST_FIRST).toList();
        assertThat(AudienceRanker.top(spec, many, 25)).isEqualTo(all.subList(0, 25));
        assertThat(AudienceRanker.top(spec, many, 0)).isEmpty();
        assertThatThrownBy(() -> AudienceRanker.top(spec, many, -1)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void exportsCsvWithQuoting() {
        List<RankedMember> audience = List.of(new RankedMember("u:1", 0.5, 0.5, List.of("x", "y")),
                new RankedMember("od,d\"id", 0.25, 0.25, List.of()));
        assertThat(AudienceRanker.toCsv(audience)).isEqualTo("customer_id,score,propensity,matched_segments\n"
                + "u:1,0.5,0.5,x;y\n" + "\"od,d\"\"id\",0.25,0.25,\n");
    }

    @Test
    void rejectsPropensityOutsideTheUnitInterval() {
        assertThatThrownBy(() -> new AudienceMember("a", 1.2, Set.of())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new AudienceMember("a", Double.NaN, Set.of())).isInstanceOf(InvalidRequestException.class);
    }
}
