package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.design.Design;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignResult;
import io.fresnel.design.Designs;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJobTest {
    private final Scenario base = SweepScenarios.smallBase();

    private SweepSpec spec(long seed) {
        return new SweepSpec(SweepFigure.FIG3, base, List.of(1.0, 2.0), 3, seed, List.of("mrt", "zf"), null);
    }

    @Test
    void theJobWritesTheSameRowsAsTheThreadPoolRunner(@TempDir Path dir) throws Exception {
        SweepResult direct = new SweepRunner(spec(5)).run(2, SweepRunner.Listener.NONE);
        SweepJob.Outcome o = new SweepJob(spec(5), dir).run(new LocalSweepEngine(2), SweepRunner.Listener.NONE);
        assertNotNull(o.result());
        assertEquals(0, o.resumed());
        assertEquals(12, o.computed());
        assertEquals(SweepScenarios.csvValues(direct), SweepScenarios.csvValues(o.result()));
    }

    @Test
    void aCancelledSweepResumesWithOnlyTheMissingRunsAndEndsAsAOneShotRun(@TempDir Path dir) throws Exception {
        Path half = dir.resolve("half");
        Files.createDirectories(half);
        LocalSweepEngine first = new LocalSweepEngine(1);
        List<String> firstKeys = Collections.synchronizedList(new ArrayList<>());
        SweepJob.Outcome stopped = new SweepJob(spec(5), half).run(first, (s, done, total) -> {
            firstKeys.add(SweepRun.key(s.x(), s.draw(), s.scheme(), 5));
            if (done == 5) {
                first.cancel();
            }
        });
        assertTrue(stopped.cancelled());
        assertEquals(5, stopped.computed());
        long journaled;
        try (var files = Files.list(SweepJournal.folder(half, 3))) {
            journaled = files.filter(p -> p.getFileName().toString().startsWith("run-")).count();
        }
        assertEquals(5, journaled);

        List<String> secondKeys = Collections.synchronizedList(new ArrayList<>());
        SweepJob.Outcome resumed = new SweepJob(spec(5), half).run(new LocalSweepEngine(2),
                (s, done, total) -> secondKeys.add(SweepRun.key(s.x(), s.draw(), s.scheme(), 5)));
        assertFalse(resumed.cancelled());
        assertEquals(5, resumed.resumed());
        assertEquals(7, resumed.computed());
        Set<String> all = SweepPlan.of(spec(5)).runs().stream().map(SweepRun::key).collect(Collectors.toSet());
        Set<String> union = new HashSet<>(firstKeys);
        assertTrue(Collections.disjoint(firstKeys, secondKeys), "a journaled run is not computed again");
        union.addAll(secondKeys);
        assertEquals(all, union);

        Path once = dir.resolve("once");
        Files.createDirectories(once);
        SweepJob.Outcome oneShot = new SweepJob(spec(5), once).run(new LocalSweepEngine(2), SweepRunner.Listener.NONE);
        assertEquals(SweepScenarios.csvValues(oneShot.result()), SweepScenarios.csvValues(resumed.result()));

        SweepJob.Outcome again = new SweepJob(spec(5), half).run(new LocalSweepEngine(1), SweepRunner.Listener.NONE);
        assertEquals(12, again.resumed());
        assertEquals(0, again.computed());
        assertEquals(resumed.result().solves(), again.result().solves(), "journaled rows come back exactly");
    }

    @Test
    void aJournalOfAnotherSweepIsRefusedNamingTheDifference(@TempDir Path dir) throws Exception {
        new SweepJob(spec(5), dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepJob(spec(6), dir));
        assertTrue(e.getMessage().contains("seed 5 vs 6"), e.getMessage());
        assertTrue(e.getMessage().contains("fig3-runs"), e.getMessage());
    }

    @Test
    void aDesignThatThrowsIsRecordedAsErrorAndTheSweepGoesOn(@TempDir Path dir) throws Exception {
        SweepSpec s = new SweepSpec(SweepFigure.FIG3, base, List.of(1.0), 2, 5, List.of("buggy", "mrt"), null);
        SweepJob.Outcome o = new SweepJob(s, dir, name -> name.equals("buggy") ? buggy() : Designs.byName(name))
                .run(new LocalSweepEngine(2), SweepRunner.Listener.NONE);
        assertEquals(2, o.result().errors().size());
        assertTrue(o.result().errors().get(0).message().contains("boom"));
        assertTrue(o.result().solves().get(1).counted(), "the other scheme's runs still count");
        assertNull(o.result().points().get(0).meanBpsHz());
        assertEquals(2, o.result().points().get(1).counted());
    }

    private static Design buggy() {
        return new Design() {
            @Override
            public String name() {
                return "buggy";
            }

            @Override
            public String description() {
                return "test";
            }

            @Override
            public DesignResult run(Scenario s, DesignContext c) {
                throw new IllegalStateException("boom");
            }
        };
    }
}
