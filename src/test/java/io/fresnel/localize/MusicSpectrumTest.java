package io.fresnel.localize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MusicSpectrumTest {

    /**
     * An independent check on N = 3: R = c a a^H + s I has the signal subspace a / ||a||, so
     * f(b) = |a^H b|^2 / (||a||^2 ||b||^2) (computed here by hand) and P = 1 / (1 - f).
     */
    @Test
    void theSignalFractionOfARankOneEchoIsTheNormalisedCorrelation() {
        double[] ar = {1, 0.3, -0.5};
        double[] ai = {0.2, -1, 0.7};
        double[][] re = new double[3][3];
        double[][] im = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // a_i conj(a_j) * 4 + 0.1 delta
                re[i][j] = 4 * (ar[i] * ar[j] + ai[i] * ai[j]) + (i == j ? 0.1 : 0);
                im[i][j] = 4 * (ai[i] * ar[j] - ar[i] * ai[j]);
            }
        }
        MusicSpectrum m = new MusicSpectrum(new double[][][] {re, im}, 1);
        Random rnd = new Random(3);
        for (int trial = 0; trial < 5; trial++) {
            double[] br = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double[] bi = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
            double cr = 0;
            double ci = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < 3; i++) {
                cr += ar[i] * br[i] + ai[i] * bi[i];
                ci += ar[i] * bi[i] - ai[i] * br[i];
                na += ar[i] * ar[i] + ai[i] * ai[i];
                nb += br[i] * br[i] + bi[i] * bi[i];
            }
            double f = (cr * cr + ci * ci) / (na * nb);
            assertEquals(f, m.signalFraction(br, bi), 1e-12);
            assertEquals(1 / (1 - f), MusicSpectrum.pseudoSpectrum(m.signalFraction(br, bi)), 1e-9 / (1 - f));
        }
        assertEquals(1, m.signalFraction(ar, ai), 1e-12, "the target's own response spans the signal subspace");
        assertEquals(1 / MusicSpectrum.FLOOR, MusicSpectrum.pseudoSpectrum(1), 1);
    }

    @Test
    void aSignalDimensionOutsideOneToNMinusOneIsRejected() {
        double[][][] r = {new double[][] {{1, 0}, {0, 1}}, new double[2][2]};
        assertThrows(IllegalArgumentException.class, () -> new MusicSpectrum(r, 2));
        assertThrows(IllegalArgumentException.class, () -> new MusicSpectrum(r, 0));
    }
}
