package io.fresnel.design.rsma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fresnel.model.Precoder;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hybrid updates of paper 000 with several RF chains against computations written out in the
 * test: the analog update (53)-(58) is a Gauss-Seidel sweep, antenna by antenna and within an
 * antenna chain by chain, that sets each entry F_am to the unit-modulus minimiser of
 * ||P - F_A F_D||_F^2 with every other entry (the already updated ones included) held fixed,
 * {@code F_am = c / |c|, c = sum_q (P_aq - sum_{l != m} F_al W_lq) conj(W_mq)}; the digital update
 * (59) solves the normal equations F_A^H (P - F_A F_D) = 1e-12 N F_D.
 */
class HybridUpdatesByHandTest {

    /** A random unit-modulus F (n x rf) and Gaussian W (rf x streams), as {re, im} arrays. */
    /** Analog F (unit-modulus entries, re and im) and digital W (Gaussian entries) of a hybrid precoder. */
    record Factors(double[][] fr, double[][] fi, double[][] wr, double[][] wi) {
    }

    /** Random factors: the N x RF phases first, then the RF x streams digital entries (shared with RsmaPiecesByHandTest). */
    static Factors random(int n, int rf, int streams, Random rnd) {
        double[][] fr = new double[n][rf];
        double[][] fi = new double[n][rf];
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < rf; l++) {
                double ph = 2 * Math.PI * rnd.nextDouble();
                fr[a][l] = Math.cos(ph);
                fi[a][l] = Math.sin(ph);
            }
        }
        double[][] wr = new double[rf][streams];
        double[][] wi = new double[rf][streams];
        for (int l = 0; l < rf; l++) {
            for (int q = 0; q < streams; q++) {
                wr[l][q] = rnd.nextGaussian();
                wi[l][q] = rnd.nextGaussian();
            }
        }
        return new Factors(fr, fi, wr, wi);
    }

    private static HybridFactorisation of(Factors f, double scale) {
        List<Stream> streams = new ArrayList<>();
        for (int q = 0; q < f.wr[0].length; q++) {
            streams.add(new Stream(StreamRole.SENSING, null));
        }
        Precoder p = new Precoder(streams, null, RsmaOutcome.matrix(f.fr, f.fi), RsmaOutcome.matrix(f.wr, f.wi), null);
        return HybridFactorisation.of(p, scale);
    }

    private static double[][][] randomColumns(int streams, int n, Random rnd) {
        double[][][] p = new double[streams][2][n];
        for (double[][] col : p) {
            for (int a = 0; a < n; a++) {
                col[0][a] = rnd.nextGaussian();
                col[1][a] = rnd.nextGaussian();
            }
        }
        return p;
    }

    /** The Gauss-Seidel sweep of the class comment, on copies of F. */
    private static double[][][] sweepByHand(Factors f, double[][][] p) {
        int n = f.fr.length;
        int rf = f.fr[0].length;
        int streams = p.length;
        double[][] fr = new double[n][];
        double[][] fi = new double[n][];
        for (int a = 0; a < n; a++) {
            fr[a] = f.fr[a].clone();
            fi[a] = f.fi[a].clone();
        }
        for (int a = 0; a < n; a++) {
            for (int m = 0; m < rf; m++) {
                double cr = 0;
                double ci = 0;
                for (int q = 0; q < streams; q++) {
                    // residual of row a without chain m: P_aq - sum_{l != m} F_al W_lq
                    double rr = p[q][0][a];
                    double ri = p[q][1][a];
                    for (int l = 0; l < rf; l++) {
                        if (l != m) {
                            rr -= fr[a][l] * f.wr[l][q] - fi[a][l] * f.wi[l][q];
                            ri -= fr[a][l] * f.wi[l][q] + fi[a][l] * f.wr[l][q];
                        }
                    }
                    // times conj(W_mq)
                    cr += rr * f.wr[m][q] + ri * f.wi[m][q];
                    ci += ri * f.wr[m][q] - rr * f.wi[m][q];
                }
                double mag = Math.hypot(cr, ci);
                if (mag > 0) {
                    fr[a][m] = cr / mag;
                    fi[a][m] = ci / mag;
                }
            }
        }
        return new double[][][] {fr, fi};
    }

    @Test
    void theAnalogUpdateIsTheExactChainByChainMinimiser() {
        Random rnd = new Random(17);
        for (int[] size : new int[][] {{5, 3, 2}, {4, 2, 3}, {6, 4, 4}}) {
            Factors f = random(size[0], size[1], size[2], rnd);
            double[][][] p = randomColumns(size[2], size[0], rnd);
            HybridFactorisation fw = of(f, 1);
            fw.updateAnalog(p);
            double[][][] got = fw.analogCopy();
            double[][][] want = sweepByHand(f, p);
            for (int a = 0; a < size[0]; a++) {
                for (int l = 0; l < size[1]; l++) {
                    String at = "N=" + size[0] + " L=" + size[1] + " entry (" + a + ", " + l + ")";
                    assertEquals(want[0][a][l], got[0][a][l], 1e-12, at);
                    assertEquals(want[1][a][l], got[1][a][l], 1e-12, at);
                }
            }
        }
    }

    /**
     * The digital update with three RF chains: the residual P - F_A F_D is orthogonal to the columns
     * of F_A up to the 1e-12 N regularisation, and F_D depends on P, not on the previous F_D.
     */
    @Test
    void theDigitalUpdateSolvesTheNormalEquations() {
        Random rnd = new Random(5);
        int n = 7;
        int rf = 3;
        int streams = 2;
        Factors f = random(n, rf, streams, rnd);
        double[][][] p = randomColumns(streams, n, rnd);
        HybridFactorisation fw = of(f, 1);
        fw.updateDigital(p);
        double[][][] fp = fw.product();
        double scale = 0;
        for (int l = 0; l < rf; l++) {
            for (int q = 0; q < streams; q++) {
                // (F_A^H (P - F_A F_D))_lq
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    double rr = p[q][0][a] - fp[q][0][a];
                    double ri = p[q][1][a] - fp[q][1][a];
                    re += f.fr[a][l] * rr + f.fi[a][l] * ri;
                    im += f.fr[a][l] * ri - f.fi[a][l] * rr;
                    scale += Math.abs(p[q][0][a]) + Math.abs(p[q][1][a]);
                }
                assertEquals(0, re, 1e-9, "Re of row " + l + ", stream " + q);
                assertEquals(0, im, 1e-9, "Im of row " + l + ", stream " + q);
            }
        }
        assertTrue(scale > 10, "a residual of a negligible P proves nothing");
        // another start F_D, the same F_A: the same least-squares F_D
        Factors g = new Factors(f.fr, f.fi, random(n, rf, streams, rnd).wr, random(n, rf, streams, rnd).wi);
        HybridFactorisation other = of(g, 3);
        other.updateDigital(p);
        double[][][] op = other.product();
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                assertEquals(fp[q][0][a], op[q][0][a], 1e-10);
                assertEquals(fp[q][1][a], op[q][1][a], 1e-10);
            }
        }
    }

    /** {@code of} scales F_D only; the product, gap and normalised forms follow by hand. */
    @Test
    void theWarmStartScalesTheDigitalPartOnly() {
        Random rnd = new Random(9);
        Factors f = random(3, 2, 2, rnd);
        HybridFactorisation fw = of(f, 0.25);
        double[][][] prod = fw.product();
        double norm2 = 0;
        for (int q = 0; q < 2; q++) {
            for (int a = 0; a < 3; a++) {
                double re = 0;
                double im = 0;
                for (int l = 0; l < 2; l++) {
                    re += f.fr[a][l] * f.wr[l][q] - f.fi[a][l] * f.wi[l][q];
                    im += f.fr[a][l] * f.wi[l][q] + f.fi[a][l] * f.wr[l][q];
                }
                assertEquals(0.25 * re, prod[q][0][a], 1e-14);
                assertEquals(0.25 * im, prod[q][1][a], 1e-14);
                norm2 += 0.0625 * (re * re + im * im);
            }
        }
        assertEquals(norm2, fw.gap(new double[2][2][3]), 1e-13);
        double[][][] nd = fw.normalisedDigital();
        for (int l = 0; l < 2; l++) {
            for (int q = 0; q < 2; q++) {
                assertEquals(0.25 * f.wr[l][q] / Math.sqrt(norm2), nd[0][l][q], 1e-13);
                assertEquals(0.25 * f.wi[l][q] / Math.sqrt(norm2), nd[1][l][q], 1e-13);
            }
        }
        double[][][] analog = fw.analogCopy();
        assertEquals(f.fr[2][1], analog[0][2][1], 0);
        assertEquals(f.fi[2][1], analog[1][2][1], 0);
    }

    /**
     * The start of Algorithm 2 already carries the least-squares F_D of its F_A (the normal
     * equations hold), and a chain whose F_D row is zero has chi = 0: its analog entries are kept
     * (no 0 / 0).
     */
    @Test
    void theStartIsLeastSquaresAndAnUnusedChainKeepsItsPhases() {
        Random rnd = new Random(11);
        int n = 6;
        int rf = 3;
        double[][][] p = randomColumns(2, n, rnd);
        HybridFactorisation fw = HybridFactorisation.fromPhases(p, rf, new Random(2));
        double[][][] fa = fw.analogCopy();
        double[][][] fp = fw.product();
        for (int l = 0; l < rf; l++) {
            for (int q = 0; q < 2; q++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    double rr = p[q][0][a] - fp[q][0][a];
                    double ri = p[q][1][a] - fp[q][1][a];
                    re += fa[0][a][l] * rr + fa[1][a][l] * ri;
                    im += fa[0][a][l] * ri - fa[1][a][l] * rr;
                }
                assertEquals(0, re, 1e-9, "chain " + l + ", stream " + q);
                assertEquals(0, im, 1e-9, "chain " + l + ", stream " + q);
            }
        }
        Factors f = random(n, rf, 2, rnd);
        for (int q = 0; q < 2; q++) {
            f.wr[1][q] = 0;
            f.wi[1][q] = 0;
        }
        HybridFactorisation unused = of(f, 1);
        unused.updateAnalog(p);
        double[][][] after = unused.analogCopy();
        double[][][] want = sweepByHand(f, p);
        for (int a = 0; a < n; a++) {
            assertEquals(f.fr[a][1], after[0][a][1], 0, "antenna " + a);
            assertEquals(f.fi[a][1], after[1][a][1], 0, "antenna " + a);
            assertEquals(want[0][a][0], after[0][a][0], 1e-12);
            assertEquals(want[0][a][2], after[0][a][2], 1e-12);
        }
    }
}
