package io.fresnel.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import io.fresnel.scene.SceneOptions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EchoModelTest {

    /** E{R_Y} = |beta|^2 |v^T p|^2 a a^H + sigma^2 I for one sensing stream p. */
    @Test
    void theSampleCovarianceConvergesToTheEchoModel() {
        SceneOptions o = SceneOptions.PAPER.withElements(4).withRfChains(2).withSnapshots(20000).withNoiseW(2e-12);
        Scenario s = LocalizeScenes.focused(o, 1);
        EchoModel echo = new EchoModel(s);
        double[][][] r = echo.sampleCovariance(new SplittableRandom(3));
        int n = 4;
        double[] ar = new double[n];
        double[] ai = new double[n];
        new ScenarioPhysics(s).receive().evaluate(s.targets().get(0).positionM(), true, ar, ai);
        // focused beam: |v^T p|^2 = P ||v||^2 = 4 W
        double signal = s.targets().get(0).reflection().abs2() * 4;
        double scale = signal + 2e-12;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double er = signal * (ar[i] * ar[j] + ai[i] * ai[j]) + (i == j ? 2e-12 : 0);
                double ei = signal * (ai[i] * ar[j] - ar[i] * ai[j]);
                // 20000 snapshots: standard error about scale / sqrt(20000) = 0.7 % of scale
                assertEquals(er, r[0][i][j], 0.03 * scale, "Re R[" + i + "][" + j + "]");
                assertEquals(ei, r[1][i][j], 0.03 * scale, "Im R[" + i + "][" + j + "]");
            }
        }
    }
}
