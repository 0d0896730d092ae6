package io.fresnel.localize;

import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.physics.ScenarioPhysics;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import java.util.ArrayList;
import java.util.List;

/** Test scenes: a paper-003 scene with a sensing beam focused on its target. */
final class LocalizeScenes {
    private LocalizeScenes() {
    }

    /**
     * @param options the scene's set-up
     * @param seed the scene's seed
     * @return the scene with one sensing stream sqrt(P) conj(v(p_t)) / ||v(p_t)||
     */
    static Scenario focused(SceneOptions options, long seed) {
        Scenario s = PaperScene.generate(options, seed);
        int n = s.txArray().positions().size();
        double[] re = new double[n];
        double[] im = new double[n];
        new ScenarioPhysics(s).transmit().evaluate(s.targets().get(0).positionM(), true, re, im);
        double norm = 0;
        for (int i = 0; i < n; i++) {
            norm += re[i] * re[i] + im[i] * im[i];
        }
        double scale = Math.sqrt(s.transmitPowerW() / norm);
        List<Complex> col = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            col.add(new Complex(scale * re[i], -scale * im[i]));
        }
        return s.withPrecoder(new Precoder(List.of(new Stream(StreamRole.SENSING, null)),
                ComplexMatrix.ofColumns(List.of(col)), null, null, null));
    }
}
