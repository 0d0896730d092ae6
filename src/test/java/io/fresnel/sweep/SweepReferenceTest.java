package io.fresnel.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.metrics.Metrics;
import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A few points of paper 001's Fig. 2 and paper 004's Fig. 3 against the values the independent
 * cvxopt script computed (src/test/resources/io/fresnel/sweep/paper-001-004-reference.csv; the
 * CI check .ci/checks/paper-001-004-sweeps.sh recomputes more of them), to 1e-5 relative.
 */
class SweepReferenceTest {

    @Test
    void theSweepsRunsMatchTheCvxoptReference() throws IOException {
        List<String[]> rows;
        try (InputStream in = getClass().getResourceAsStream("paper-001-004-reference.csv")) {
            rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.startsWith("figure,")).map(l -> l.split(",")).toList();
        }
        assertEquals(5, rows.size());
        Paper004Sweep p004 = new Paper004Sweep();
        Paper001Sweep.Plan plan = Paper001Sweep.plan(2, new SweepOptions(Path.of("unused"), 1, 1, null,
                List.of(0.1), null, 1, null, false));
        for (String[] r : rows) {
            double x = Double.parseDouble(r[1]);
            double expected = Double.parseDouble(r[4]);
            double got;
            if (r[0].equals("2")) {
                int series = plan.labels().indexOf(r[2]);
                assertTrue(series >= 0, r[2]);
                Scenario s = Paper001Sweep.scenario(plan, x, series, 0, 1);
                Metrics m = CurveAudit.run(s, plan.designs().get(series), () -> false).metrics();
                got = (Math.log1p(m.users().get(0).sinr()) - Math.log1p(x)) / Math.log(2);
            } else {
                Scenario s = p004.scene(Paper004Sweep.FIG3, x, 0, 1);
                Metrics m = CurveAudit.run(s, r[2], () -> false).metrics();
                got = r[3].equals("user_sinr") ? m.users().get(0).sinr() : m.targets().get(0).crbPositionM2();
            }
            assertEquals(expected, got, 1e-5 * Math.abs(expected), String.join(",", r));
        }
    }
}
