package io.fresnel.sweep;

import io.fresnel.io.ScenarioReader;
import io.fresnel.model.Scenario;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The small base scenario of the sweep tests (N = 16, M = 8, 2 users, one eavesdropping target). */
public final class SweepScenarios {
    private SweepScenarios() {
    }

    /** @return the parsed test base */
    public static Scenario smallBase() {
        try (InputStream in = SweepScenarios.class.getResourceAsStream("small-base.scenario.json")) {
            return ScenarioReader.readScenario(in);
        } catch (Exception e) {
            throw new AssertionError("cannot read the sweep test base", e);
        }
    }

    /** @return the file of the test base, for command-line tests */
    public static Path smallBaseFile() {
        try {
            return Paths.get(SweepScenarios.class.getResource("small-base.scenario.json").toURI());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The CSV files of a result (summary, per-run audit, nodes) as lines, without the timing
     * columns ({@code mean_seconds}, {@code seconds}: each run's own measurement), for comparing
     * the values of two runs of the same sweep.
     *
     * @param r a result
     * @return the lines
     * @throws IOException never (in-memory streams)
     */
    public static List<String> csvValues(SweepResult r) throws IOException {
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        SweepCsv.writeSummary(r, summary);
        ByteArrayOutputStream draws = new ByteArrayOutputStream();
        SweepCsv.writeDraws(r, draws);
        ByteArrayOutputStream nodes = new ByteArrayOutputStream();
        SweepCsv.writeNodes(r, nodes);
        List<String> out = new ArrayList<>();
        for (String l : summary.toString(StandardCharsets.UTF_8).split("\n")) {
            out.add(l.substring(0, l.lastIndexOf(',')));
        }
        for (String l : draws.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = l.split(",", -1);
            f[10] = "";
            out.add(String.join(",", f));
        }
        out.addAll(List.of(nodes.toString(StandardCharsets.UTF_8).split("\n")));
        return out;
    }
}
