package io.fresnel.design.rsma;

import io.fresnel.design.common.Dense;
import io.fresnel.design.common.FisherCoefficients;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.optim.AffineLmi;
import io.fresnel.optim.SmoothConvexProgram;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The CRB constraints of paper 000 ((20), (23)-(25c)) on reduced columns: their exact values and
 * their convex inner approximation as Schur LMIs.
 *
 * <p>The FIM of the Cartesian target coordinates and gains is a positive linear map of P P^H
 * ({@link FisherCoefficients}); the polar FIM (theta_t, r_t, gains) follows by the Jacobian
 * congruence. {@code joint} bounds are the diagonal of the inverse polar FIM of all targets with
 * their gains as nuisance parameters (20); {@code known-other} bounds (23)-(24) drop the other
 * coordinate of every target (ERRATA 000.7). In the surrogate, each bound is the LMI
 * {@code [J_kept(c), e_pos / sqrt(gamma); e_pos^T / sqrt(gamma), 1] >= 0} (or with tau in the
 * corner in phase one), with J affine in c through the first-order bound
 * {@code c c^H >= c0 c^H + c c0^H - c0 c0^H}, tight at c0 and conservative elsewhere; it replaces
 * Lemma 1 / (44)-(51), which covers only the known-other form. Immutable.
 */
final class CrbLmis {
    private final RsmaChannels ch;
    private final List<CrbLimit> limits;
    private final boolean knownOther;
    private final FisherCoefficients fisher;
    private final double[][] jac;

    /**
     * @param ch the reduced model
     * @param limits the CRB bounds (may be empty: no sensing constraint)
     * @param knownOther whether the bounds are the known-other CRBs (23)-(24) rather than (20)
     * @param scenario the scenario (target positions)
     * @param physics its physics (the transmit array's reference point)
     */
    CrbLmis(RsmaChannels ch, List<CrbLimit> limits, boolean knownOther, Scenario scenario, ScenarioPhysics physics) {
        this.ch = ch;
        this.limits = List.copyOf(limits);
        this.knownOther = knownOther;
        if (limits.isEmpty()) {
            fisher = null;
            jac = null;
        } else {
            fisher = FisherCoefficients.of(ch.model);
            int p = fisher.parameters;
            jac = new double[p][p];
            Vec3 o = physics.transmit().reference();
            for (int t = 0; t < scenario.targets().size(); t++) {
                Vec3 rel = scenario.targets().get(t).positionM().minus(o);
                double r = Math.hypot(rel.x(), rel.y());
                double th = Math.atan2(rel.y(), rel.x());
                jac[2 * t][2 * t] = -r * Math.sin(th);
                jac[2 * t + 1][2 * t] = r * Math.cos(th);
                jac[2 * t][2 * t + 1] = Math.cos(th);
                jac[2 * t + 1][2 * t + 1] = Math.sin(th);
            }
            for (int i = fisher.coordinates; i < p; i++) {
                jac[i][i] = 1;
            }
        }
    }

    /** @return whether there is no bound */
    boolean isEmpty() {
        return limits.isEmpty();
    }

    /** @return the bounds */
    List<CrbLimit> limits() {
        return limits;
    }

    /** @return the polar FIM (theta_t, r_t per target, then gains) of the normalised columns */
    double[][] polarFim(double[][][] c) {
        int p = fisher.parameters;
        double[][] jc = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = i; j < p; j++) {
                double[][][] a = fisher.coefficient(i, j);
                double v = 0;
                for (double[][] col : c) {
                    v += quadRe(a, col, col);
                }
                jc[i][j] = v * ch.pmax;
                jc[j][i] = jc[i][j];
            }
        }
        return congruence(jc);
    }

    private double[][] congruence(double[][] jc) {
        int p = jc.length;
        double[][] tmp = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += jc[i][j] * jac[j][b];
                }
                tmp[i][b] = s;
            }
        }
        double[][] out = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int i = 0; i < p; i++) {
                    s += jac[i][a] * tmp[i][b];
                }
                out[a][b] = s;
            }
        }
        return out;
    }

    /** @return Re(x^H A y) for A = {re, im} */
    private static double quadRe(double[][][] a, double[][] x, double[][] y) {
        int d = x[0].length;
        double s = 0;
        for (int r = 0; r < d; r++) {
            double ar = 0;
            double ai = 0;
            for (int q = 0; q < d; q++) {
                ar += a[0][r][q] * y[0][q] - a[1][r][q] * y[1][q];
                ai += a[0][r][q] * y[1][q] + a[1][r][q] * y[0][q];
            }
            s += x[0][r] * ar + x[1][r] * ai;
        }
        return s;
    }

    /** The parameters a CRB limit keeps (known-other drops the other coordinate of every target). */
    private int[] kept(CrbLimit l) {
        int p = fisher.parameters;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            if (knownOther && i < fisher.coordinates && (i % 2 == 0) != l.angle()) {
                continue;
            }
            keep.add(i);
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int position(int[] kept, CrbLimit l) {
        int want = 2 * l.target() + (l.angle() ? 0 : 1);
        for (int i = 0; i < kept.length; i++) {
            if (kept[i] == want) {
                return i;
            }
        }
        throw new IllegalStateException("parameter not kept");
    }

    /** @return the CRB of a limit for the normalised columns (rad^2 or m^2; Infinity when singular) */
    double crb(double[][][] c, CrbLimit l) {
        double[][] jp = polarFim(c);
        int[] kept = kept(l);
        int m = kept.length;
        double[][] a = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = jp[kept[i]][kept[j]];
            }
        }
        int pos = position(kept, l);
        double[] diag = new double[m];
        for (int i = 0; i < m; i++) {
            diag[i] = a[i][i] > 0 ? 1 / Math.sqrt(a[i][i]) : 1;
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] *= diag[i] * diag[j];
            }
        }
        double[] rhs = new double[m];
        rhs[pos] = 1;
        double[] x = Dense.solveSpd(a, rhs);
        if (x == null) {
            return Double.POSITIVE_INFINITY;
        }
        return x[pos] * diag[pos] * diag[pos];
    }

    /** @return max over limits of CRB / max (0 without limits) */
    double ratio(double[][][] c) {
        double worst = 0;
        for (CrbLimit l : limits) {
            worst = Math.max(worst, crb(c, l) / l.max());
        }
        return worst;
    }

    /**
     * Adds one Schur LMI per bound, linearised at c0, to a surrogate program whose first
     * {@code 2 d streams} variables are the columns (see {@link RsmaChannels#variable}).
     *
     * @param p the program; modified
     * @param c0 the expansion point; not modified
     * @param tauVar the variable tau scaling the corner (phase one: CRB / bound <= tau), or -1 (corner 1)
     * @param margin relative tightening of every bound
     */
    void addTo(SmoothConvexProgram p, double[][][] c0, int tauVar, double margin) {
        int pp = fisher.parameters;
        int d = ch.d;
        int streams = ch.streams;
        int nc = 2 * d * streams;
        // Cartesian FIM entries as affine functions of c (first-order bound of c c^H at c0)
        double[][][] coef = new double[pp][pp][];
        double[][] cst = new double[pp][pp];
        for (int i = 0; i < pp; i++) {
            for (int j = i; j < pp; j++) {
                double[][][] a = fisher.coefficient(i, j);
                double[] row = new double[nc];
                double c = 0;
                for (int s = 0; s < streams; s++) {
                    double[][] col = c0[s];
                    // u = (A + A^H) c0_s
                    for (int r = 0; r < d; r++) {
                        double ur = 0;
                        double ui = 0;
                        for (int q = 0; q < d; q++) {
                            double mr = a[0][r][q] + a[0][q][r];
                            double mi = a[1][r][q] - a[1][q][r];
                            ur += mr * col[0][q] - mi * col[1][q];
                            ui += mr * col[1][q] + mi * col[0][q];
                        }
                        row[ch.variable(s, r, 0)] += ur * ch.pmax;
                        row[ch.variable(s, r, 1)] += ui * ch.pmax;
                    }
                    c -= quadRe(a, col, col) * ch.pmax;
                }
                coef[i][j] = row;
                coef[j][i] = row;
                cst[i][j] = c;
                cst[j][i] = c;
            }
        }
        // polar: Jp_ab = sum_ij jac_ia jac_jb J_ij
        double[][][] pc = new double[pp][pp][];
        double[][] pk = new double[pp][pp];
        for (int a = 0; a < pp; a++) {
            for (int b = a; b < pp; b++) {
                double[] row = new double[nc];
                double c = 0;
                for (int i = 0; i < pp; i++) {
                    if (jac[i][a] == 0) {
                        continue;
                    }
                    for (int j = 0; j < pp; j++) {
                        double f = jac[i][a] * jac[j][b];
                        if (f == 0) {
                            continue;
                        }
                        double[] src = coef[i][j];
                        for (int v = 0; v < nc; v++) {
                            row[v] += f * src[v];
                        }
                        c += f * cst[i][j];
                    }
                }
                pc[a][b] = row;
                pc[b][a] = row;
                pk[a][b] = c;
                pk[b][a] = c;
            }
        }
        double[][] j0 = polarFim(c0);
        // the bounds that keep the same parameters (all of them with the joint CRB) have the same
        // FIM block and coefficients: their LMIs are siblings that differ in the border only
        List<int[]> keptSeen = new ArrayList<>();
        List<List<AffineLmi>> groups = new ArrayList<>();
        for (CrbLimit l : limits) {
            int[] kept = kept(l);
            int m = kept.length;
            int pos = position(kept, l);
            double[] dg = new double[m];
            for (int i = 0; i < m; i++) {
                double v = j0[kept[i]][kept[i]];
                dg[i] = v > 0 ? 1 / Math.sqrt(v) : 1;
            }
            double gam = l.max() * (1 - margin);
            AffineLmi sibling = null;
            List<AffineLmi> group = null;
            for (int s = 0; s < keptSeen.size(); s++) {
                if (Arrays.equals(keptSeen.get(s), kept)) {
                    group = groups.get(s);
                    sibling = group.get(0);
                }
            }
            AffineLmi b = sibling != null ? sibling.sibling() : new AffineLmi(m + 1);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double f = dg[i] * dg[j];
                    if (sibling == null) {
                        double[] row = pc[kept[i]][kept[j]];
                        for (int v = 0; v < nc; v++) {
                            if (row[v] != 0) {
                                b.addCoefficient(v, i, j, f * row[v]);
                            }
                        }
                    }
                    b.addConstant(i, j, f * pk[kept[i]][kept[j]]);
                }
            }
            b.addConstant(pos, m, dg[pos] / Math.sqrt(gam));
            if (sibling == null && tauVar >= 0) {
                b.addCoefficient(tauVar, m, m, 1);
            } else if (tauVar < 0) {
                b.addConstant(m, m, 1);
            }
            if (group == null) {
                keptSeen.add(kept);
                group = new ArrayList<>();
                groups.add(group);
            }
            group.add(b);
        }
        // siblings one after the other (the barrier evaluates each run of them together)
        for (List<AffineLmi> group : groups) {
            for (AffineLmi b : group) {
                p.add(b);
            }
        }
    }
}
