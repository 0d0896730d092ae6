package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepJournalTest {
    private final SweepPlan plan = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(),
            List.of(1.0, 2.0), 2, 5, List.of("mrt", "zf"), null));

    @Test
    void rowsComeBackExactlyByTheirKey(@TempDir Path dir) throws Exception {
        SweepJournal j = SweepJournal.open(dir, plan);
        SweepRun a = plan.runs().get(0);
        SweepRun b = plan.runs().get(1);
        SweepResult.Solve rowA = new SweepResult.Solve(a.x(), a.draw(), a.scheme(), "optimal", true,
                0.1 + 0.2, 1.0 / 3, 17, 1.2345678901234567e-3, "a note, with \"quotes\"");
        SweepResult.Solve rowB = new SweepResult.Solve(b.x(), b.draw(), b.scheme(), SweepResult.ERROR, false, null,
                null, 0, 0.5, null);
        j.write(a, rowA);
        j.write(b, rowB);
        Map<String, SweepResult.Solve> read = SweepJournal.open(dir, plan).read();
        assertEquals(Map.of(a.key(), rowA, b.key(), rowB), read);
    }

    @Test
    void aDamagedOrForeignFileIsIgnoredAndItsRunComputedAgain(@TempDir Path dir) throws Exception {
        SweepJournal j = SweepJournal.open(dir, plan);
        Files.writeString(j.folder().resolve("run-x1.0-d0-mrt.json"), "{\"x\": 1.0, \"dr");
        Files.writeString(j.folder().resolve("run-x9.0-d0-mrt.json"), "{\"x\":9.0,\"draw\":0,\"scheme\":\"mrt\","
                + "\"seed\":5,\"status\":\"optimal\",\"counted\":false,\"min_secrecy_rate_bps_hz\":null,"
                + "\"objective\":null,\"iterations\":0,\"seconds\":0.0,\"message\":null}");
        assertTrue(j.read().isEmpty());
    }

    @Test
    void theJournalOfAnotherPlanIsRefusedAndItsFolderNamed(@TempDir Path dir) throws Exception {
        SweepJournal.open(dir, plan);
        SweepPlan other = SweepPlan.of(new SweepSpec(SweepFigure.FIG3, SweepScenarios.smallBase(), List.of(1.0, 2.0),
                2, 5, List.of("zf", "mrt"), null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SweepJournal.open(dir, other));
        assertTrue(e.getMessage().contains("schemes [mrt, zf] vs [zf, mrt]"), e.getMessage());
        assertTrue(e.getMessage().contains(SweepJournal.folder(dir, 3).toString()), e.getMessage());
        Files.writeString(SweepJournal.folder(dir, 3).resolve("plan.json"), "not json");
        e = assertThrows(IllegalArgumentException.class, () -> SweepJournal.open(dir, plan));
        assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
    }
}
