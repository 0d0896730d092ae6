package io.fresnel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.math.CVec;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldCsvTest {

    @Test
    void rowsHoldTheGridPointsAndTheEnginesIlluminationAtFullPrecision(@TempDir Path dir)
            throws IOException, InterruptedException {
        Scenario s = RenderScenarios.spatial("fresnel", "unit");
        GridSpec g = new GridSpec(new Plane(Axis.Y, 0.7), -2, 2, 0.5, 3, 7, 5);
        Field f = FieldComputer.compute(s, new Layer.Beampattern(), g, () -> false);
        Path csv = dir.resolve("grid.csv");
        FieldCsv.write(f, csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("x_m,y_m,z_m,value", lines.get(0));
        assertEquals(g.size() + 1, lines.size());
        ScenarioPhysics ph = new ScenarioPhysics(s);
        PrecoderColumns cols = new PrecoderColumns(s.precoder().effective());
        for (int i = 1; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            Vec3 p = new Vec3(Double.parseDouble(c[0]), Double.parseDouble(c[1]), Double.parseDouble(c[2]));
            assertEquals(g.point((i - 1) % g.nu(), (i - 1) / g.nu()), p);
            double[] re = new double[ph.transmit().size()];
            double[] im = new double[re.length];
            ph.transmit().evaluate(p, true, re, im);
            double[][] w = cols.transposeTimes(re, im);
            double expected = CVec.norm2(w[0], w[1]);
            double value = Double.parseDouble(c[3]);
            assertEquals(f.value(i - 1), value, 0);
            assertEquals(expected, value, 1e-10 * expected);
        }
    }
}
