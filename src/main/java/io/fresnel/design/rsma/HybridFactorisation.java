package io.fresnel.design.rsma;

import io.fresnel.design.common.Dense;
import io.fresnel.model.Precoder;
import java.util.Random;

/**
 * The hybrid factorisation P ~ F_A F_D of paper 000 (7) and its closed-form block updates: the
 * analog F_A (N x L, unit-modulus entries) by (53)-(58), element by element
 * {@code F_nm = chi / |chi|, chi = Z_nm - X_nm + F_nm Y_mm} (Z = P F_D^H, Y = F_D F_D^H,
 * X = F_A Y), and the digital F_D (L x streams) by the least-squares update (59),
 * {@code F_D = (F_A^H F_A)^-1 F_A^H P}. Both only lower ||P - F_A F_D||_F. Full columns are
 * {@code p[s] = {re[N], im[N]}}, power normalised. Mutable: the updates change F_A and F_D in
 * place; confined to one run.
 */
final class HybridFactorisation {
    private final int n;
    private final int rf;
    private final int streams;
    private final double[][] fr;
    private final double[][] fi;
    private double[][] wr;
    private double[][] wi;

    private HybridFactorisation(double[][] fr, double[][] fi, double[][] wr, double[][] wi, int streams) {
        this.n = fr.length;
        this.rf = fr[0].length;
        this.streams = streams;
        this.fr = fr;
        this.fi = fi;
        this.wr = wr;
        this.wi = wi;
    }

    /**
     * The start of Algorithm 2: F_A with the phases of the first L columns of P (random phases
     * for RF chains beyond the streams), then F_D by (59).
     *
     * @param p the full columns; not modified
     * @param rf the number of RF chains L
     * @param rnd the source of the extra phases
     * @return the factorisation
     */
    static HybridFactorisation fromPhases(double[][][] p, int rf, Random rnd) {
        int n = p[0][0].length;
        int streams = p.length;
        double[][] fr = new double[n][rf];
        double[][] fi = new double[n][rf];
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < rf; l++) {
                double ph = l < streams ? Math.atan2(p[l][1][a], p[l][0][a]) : 2 * Math.PI * rnd.nextDouble();
                fr[a][l] = Math.cos(ph);
                fi[a][l] = Math.sin(ph);
            }
        }
        HybridFactorisation f = new HybridFactorisation(fr, fi, new double[rf][streams], new double[rf][streams],
                streams);
        f.updateDigital(p);
        return f;
    }

    /**
     * A warm start from a previous hybrid precoder.
     *
     * @param warm the precoder (hybrid with L RF chains)
     * @param scale the factor that normalises its power (1 / sqrt(P_th))
     * @return the factorisation (F_D scaled)
     */
    static HybridFactorisation of(Precoder warm, double scale) {
        int n = warm.analog().rows();
        int rf = warm.analog().cols();
        int streams = warm.digital().cols();
        double[][] fr = new double[n][rf];
        double[][] fi = new double[n][rf];
        for (int a = 0; a < n; a++) {
            for (int l = 0; l < rf; l++) {
                fr[a][l] = warm.analog().re(a, l);
                fi[a][l] = warm.analog().im(a, l);
            }
        }
        double[][] wr = new double[rf][streams];
        double[][] wi = new double[rf][streams];
        for (int l = 0; l < rf; l++) {
            for (int q = 0; q < streams; q++) {
                wr[l][q] = warm.digital().re(l, q) * scale;
                wi[l][q] = warm.digital().im(l, q) * scale;
            }
        }
        return new HybridFactorisation(fr, fi, wr, wi, streams);
    }

    /** @return F_A F_D as full columns {re[N], im[N]} per stream */
    double[][][] product() {
        double[][][] p = new double[streams][2][n];
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                double re = 0;
                double im = 0;
                for (int l = 0; l < rf; l++) {
                    re += fr[a][l] * wr[l][q] - fi[a][l] * wi[l][q];
                    im += fr[a][l] * wi[l][q] + fi[a][l] * wr[l][q];
                }
                p[q][0][a] = re;
                p[q][1][a] = im;
            }
        }
        return p;
    }

    /** @return F_A F_D scaled to the full (normalised) power 1 */
    double[][][] normalisedProduct() {
        double[][][] f = product();
        return Columns.scale(f, 1 / Math.sqrt(Columns.norm2(f)));
    }

    /** @return ||P - F_A F_D||_F^2 for the full columns p (not modified) */
    double gap(double[][][] p) {
        double[][][] f = product();
        double t = 0;
        for (int q = 0; q < streams; q++) {
            for (int a = 0; a < n; a++) {
                double x = p[q][0][a] - f[q][0][a];
                double y = p[q][1][a] - f[q][1][a];
                t += x * x + y * y;
            }
        }
        return t;
    }

    /** @return a copy of {Re F_A, Im F_A} */
    double[][][] analogCopy() {
        double[][] ar = new double[n][];
        double[][] ai = new double[n][];
        for (int a = 0; a < n; a++) {
            ar[a] = fr[a].clone();
            ai[a] = fi[a].clone();
        }
        return new double[][][] {ar, ai};
    }

    /** @return {Re F_D, Im F_D} scaled so that ||F_A F_D||_F = 1 (a copy) */
    double[][][] normalisedDigital() {
        double norm = Math.sqrt(Columns.norm2(product()));
        return new double[][][] {Columns.scale(wr, 1 / norm), Columns.scale(wi, 1 / norm)};
    }

    /**
     * (59): F_D = (F_A^H F_A + 1e-12 N I)^-1 F_A^H P (unchanged when the system is singular).
     *
     * @param p the full columns; not modified
     */
    void updateDigital(double[][][] p) {
        double[][] ar = new double[rf][rf];
        double[][] ai = new double[rf][rf];
        double[][] br = new double[rf][streams];
        double[][] bi = new double[rf][streams];
        for (int l = 0; l < rf; l++) {
            for (int m = 0; m < rf; m++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    re += fr[a][l] * fr[a][m] + fi[a][l] * fi[a][m];
                    im += fr[a][l] * fi[a][m] - fi[a][l] * fr[a][m];
                }
                ar[l][m] = re + (l == m ? 1e-12 * n : 0);
                ai[l][m] = im;
            }
            for (int q = 0; q < streams; q++) {
                double re = 0;
                double im = 0;
                for (int a = 0; a < n; a++) {
                    re += fr[a][l] * p[q][0][a] + fi[a][l] * p[q][1][a];
                    im += fr[a][l] * p[q][1][a] - fi[a][l] * p[q][0][a];
                }
                br[l][q] = re;
                bi[l][q] = im;
            }
        }
        double[][][] x = Dense.solveComplex(ar, ai, br, bi);
        if (x != null) {
            wr = x[0];
            wi = x[1];
        }
    }

    /**
     * (53)-(58), element by element: F_nm = chi / |chi|, chi = Z_nm - X_nm + F_nm Y_mm.
     *
     * @param p the full columns; not modified
     */
    void updateAnalog(double[][][] p) {
        double[][] yr = new double[rf][rf];
        double[][] yi = new double[rf][rf];
        for (int l = 0; l < rf; l++) {
            for (int m = 0; m < rf; m++) {
                for (int q = 0; q < streams; q++) {
                    yr[l][m] += wr[l][q] * wr[m][q] + wi[l][q] * wi[m][q];
                    yi[l][m] += wi[l][q] * wr[m][q] - wr[l][q] * wi[m][q];
                }
            }
        }
        for (int a = 0; a < n; a++) {
            double[] zr = new double[rf];
            double[] zi = new double[rf];
            for (int m = 0; m < rf; m++) {
                for (int q = 0; q < streams; q++) {
                    zr[m] += p[q][0][a] * wr[m][q] + p[q][1][a] * wi[m][q];
                    zi[m] += p[q][1][a] * wr[m][q] - p[q][0][a] * wi[m][q];
                }
            }
            double[] xr = new double[rf];
            double[] xi = new double[rf];
            for (int m = 0; m < rf; m++) {
                for (int l = 0; l < rf; l++) {
                    xr[m] += fr[a][l] * yr[l][m] - fi[a][l] * yi[l][m];
                    xi[m] += fr[a][l] * yi[l][m] + fi[a][l] * yr[l][m];
                }
            }
            for (int m = 0; m < rf; m++) {
                double chr = zr[m] - xr[m] + fr[a][m] * yr[m][m];
                double chi = zi[m] - xi[m] + fi[a][m] * yr[m][m];
                double mag = Math.hypot(chr, chi);
                if (!(mag > 0)) {
                    continue;
                }
                double nr = chr / mag;
                double ni = chi / mag;
                double dr = nr - fr[a][m];
                double di = ni - fi[a][m];
                fr[a][m] = nr;
                fi[a][m] = ni;
                for (int q = 0; q < rf; q++) {
                    xr[q] += dr * yr[m][q] - di * yi[m][q];
                    xi[q] += dr * yi[m][q] + di * yr[m][q];
                }
            }
        }
    }
}
