package dev.drydock.version;

import static dev.drydock.version.OsvRanges.Event.fixed;
import static dev.drydock.version.OsvRanges.Event.introduced;
import static dev.drydock.version.OsvRanges.Event.lastAffected;
import static dev.drydock.version.OsvRanges.Event.limit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** OSV range evaluation, row by row against the schema's evaluation pseudocode and its examples. */
class OsvRangesTest {

    static final VersionScheme SEMVER = SemVer.SCHEME;

    static OsvRanges.Result eval(String v, OsvRanges.Event... events) {
        return OsvRanges.evaluate(SEMVER, v, List.of(events));
    }

    @Test
    void schemaExamples() {
        // "every possible version is affected"
        assertThat(eval("0.0.1", introduced("0")).affected()).isTrue();
        assertThat(eval("99.0.0", introduced("0"))).isEqualTo(new OsvRanges.Result(true, null, null));
        // "everything before 1.0.2"
        assertThat(eval("1.0.1", introduced("0"), fixed("1.0.2"))).isEqualTo(new OsvRanges.Result(true, "1.0.2", null));
        assertThat(eval("1.0.2", introduced("0"), fixed("1.0.2")).affected()).isFalse();
        assertThat(eval("1.0.2-rc.1", introduced("0"), fixed("1.0.2")).affected()).isTrue(); // pre-release sorts before
        // multiple ranges in one: [1.0.0, 1.0.2) and [3.0.0, 3.2.5)
        OsvRanges.Event[] two = {introduced("1.0.0"), fixed("1.0.2"), introduced("3.0.0"), fixed("3.2.5")};
        assertThat(eval("0.9.0", two).affected()).isFalse();
        assertThat(eval("1.0.0", two)).isEqualTo(new OsvRanges.Result(true, "1.0.2", null));
        assertThat(eval("2.0.0", two).affected()).isFalse();
        assertThat(eval("3.2.4", two)).isEqualTo(new OsvRanges.Result(true, "3.2.5", null)); // the fix of its own interval
        assertThat(eval("3.2.5", two).affected()).isFalse();
        // last_affected 2.1.214: that version included, above it not
        assertThat(eval("2.1.214", introduced("0"), lastAffected("2.1.214"))).isEqualTo(new OsvRanges.Result(true, null, "2.1.214"));
        assertThat(eval("2.1.215", introduced("0"), lastAffected("2.1.214")).affected()).isFalse();
    }

    @Test
    void eventsAreSortedNotAssumedSorted() {
        // the same two intervals, written backwards: a walk in record order would get 1.0.1 wrong
        OsvRanges.Event[] backwards = {fixed("3.2.5"), introduced("3.0.0"), fixed("1.0.2"), introduced("1.0.0")};
        assertThat(eval("1.0.1", backwards)).isEqualTo(new OsvRanges.Result(true, "1.0.2", null));
        assertThat(eval("2.0.0", backwards).affected()).isFalse();
        assertThat(eval("3.1.0", backwards)).isEqualTo(new OsvRanges.Result(true, "3.2.5", null));
        // introduced "0" sorts first wherever it is written
        assertThat(eval("0.5.0", fixed("1.0.0"), introduced("0")).affected()).isTrue();
        // numeric, not string, order: 1.10.0 is after 1.9.0
        assertThat(eval("1.9.5", fixed("1.10.0"), introduced("1.9.0")).fixed()).isEqualTo("1.10.0");
    }

    @Test
    void shuffledEventsGiveTheSameAnswers() {
        List<OsvRanges.Event> events = new ArrayList<>(List.of(introduced("0"), fixed("1.2.3"), introduced("2.0.0"),
                fixed("2.0.7"), introduced("3.0.0-beta.1"), fixed("3.1.0")));
        List<String> probes = List.of("0.0.0", "1.2.2", "1.2.3", "1.9.9", "2.0.0", "2.0.6", "2.0.7", "3.0.0-alpha",
                "3.0.0-beta.1", "3.0.0", "3.0.9", "3.1.0", "10.0.0");
        List<OsvRanges.Result> expected = probes.stream().map(v -> OsvRanges.evaluate(SEMVER, v, events)).toList();
        assertThat(expected.stream().map(OsvRanges.Result::affected))
                .containsExactly(true, true, false, false, true, true, false, false, true, true, true, false, false);
        Random r = new Random(42);
        for (int i = 0; i < 200; i++) {
            Collections.shuffle(events, r);
            for (int j = 0; j < probes.size(); j++) {
                assertThat(OsvRanges.evaluate(SEMVER, probes.get(j), events)).as(probes.get(j) + " " + events)
                        .isEqualTo(expected.get(j));
            }
        }
    }

    @Test
    void limits() {
        // limit bounds the range; with none an implicit "*"
        assertThat(eval("1.5.0", introduced("1.0.0"), limit("2.0.0")).affected()).isTrue();
        assertThat(eval("2.0.0", introduced("1.0.0"), limit("2.0.0")).affected()).isFalse();
        assertThat(eval("5.0.0", introduced("1.0.0"), limit("*")).affected()).isTrue();
        // several limits: below any of them
        assertThat(eval("2.5.0", introduced("1.0.0"), limit("2.0.0"), limit("3.0.0")).affected()).isTrue();
        assertThat(eval("3.5.0", introduced("1.0.0"), limit("2.0.0"), limit("3.0.0")).affected()).isFalse();
        // a limit does not end the interval the way a fix does: no fixed version to report
        assertThat(eval("1.5.0", introduced("1.0.0"), limit("2.0.0")).fixed()).isNull();
    }

    @Test
    void equalVersionsKeepTheRecordsOrder() {
        // introduced and fixed at the same version: an empty interval when written in that order
        assertThat(eval("1.0.0", introduced("1.0.0"), fixed("1.0.0")).affected()).isFalse();
    }

    @Test
    void versionsList() {
        assertThat(OsvRanges.listed(SEMVER, "1.0.0", List.of("0.9.0", "1.0.0"))).isTrue();
        assertThat(OsvRanges.listed(SEMVER, "1.0.1", List.of("0.9.0", "1.0.0"))).isFalse();
        assertThat(OsvRanges.listed(SEMVER, "1.0.0", List.of())).isFalse();
        // build metadata does not take part in SemVer precedence: the scheme says equal
        assertThat(OsvRanges.listed(SEMVER, "1.0.0+build.5", List.of("1.0.0"))).isTrue();
        // a listed string the scheme cannot parse is not this version
        assertThat(OsvRanges.listed(SEMVER, "1.0.0", List.of("not a version", "2.0.0"))).isFalse();
    }

    @Test
    void undecidableIsAnErrorNamingTheVersion() {
        assertThatThrownBy(() -> eval("banana", introduced("0"), fixed("1.0.0")))
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("banana");
        assertThatThrownBy(() -> eval("1.0.0", introduced("0"), fixed("1.0.x-final")))
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("1.0.x-final");
        assertThatThrownBy(() -> eval("1.0.0", introduced("0"), limit("two")))
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("two");
        // even when the bad event would come after the decision: sorting needs every event
        assertThatThrownBy(() -> eval("0.1.0", introduced("0"), fixed("1.0.0"), introduced("zzz")))
                .isInstanceOf(InvalidVersionException.class).hasMessageContaining("zzz");
        assertThatThrownBy(() -> OsvRanges.listed(SEMVER, "x.y", List.of("1.0.0")))
                .isInstanceOf(InvalidVersionException.class);
    }
}
