package io.fresnel.design.secure;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.math.CVec;
import io.fresnel.math.ComplexSubspace;
import io.fresnel.math.HermitianEigen;
import io.fresnel.metrics.PriorBounds;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import io.fresnel.design.SolverParameter;
import java.util.ArrayList;
import java.util.List;

/**
 * The data of paper 001's problem (P1) in the convention of SCENARIO.md, shared by
 * {@code an-secure-pcrb} and its benchmarks: one user, every eavesdropper (external eavesdroppers
 * and eavesdropping targets), the PCRB bound (24) (as corrected by ERRATA 001.3) of every target
 * with a prior, and the power budget.
 *
 * <p>Convention: a node with channel row c receives c^T x, so the power of a stream p is
 * |c^T p|^2 = p^H (c^* c^T) p: the paper's H = h h^H is c_u^* c_u^T (h = conj(c_u)), its
 * A_k = a(theta_k) a^H(theta_k) becomes c_e^* c_e^T for each eavesdropper e (scaled by its own
 * noise instead of sigma_E^2 r^2 / beta_0), and (24) reads
 * 1 / (c sum_k p_k rho_k v_k^T R_X v_k^* + 1/sigma_theta^2), i.e. the paper's Q-bar is
 * Q = sum_k p_k rho_k v_k^* v_k^T with v_k = v(p(theta_k)), rho_k and c = 2T|beta|^2/sigma^2 taken
 * from {@link PriorBounds}. Every constraint matrix is an outer product of a vector of
 * S = span{c_u^*, c_e^*, v_k^*}; projecting W and V onto S keeps every constraint value and the
 * objective and does not increase the power, so an optimum lies in S and the SDPs are solved in an
 * orthonormal basis of S (dimension d &lt;= 1 + E + K instead of N).
 *
 * <p>Quantities are normalised for the interior-point solver: covariances in units of P, the
 * user's direction y_u (unit) with SNR_u = P ||c_u||^2 / sigma_u^2, each eavesdropper's direction
 * g_e (unit) with SNR_e = P ||c_e||^2 / sigma_e^2, and each sensing matrix Q_j scaled to largest
 * eigenvalue 1 with the required level kappa_j = (1/Gamma - 1/sigma_theta^2) / (c P lambda_max(Q_j))
 * (constraint (42) reads tr(Q_j (W + V)) &gt;= kappa_j t; it is absent when kappa_j &lt;= 0, and
 * infeasible when kappa_j &gt; 1).
 */
final class SecrecySensingProblem {

    /** The solver parameter holding the threshold Gamma of (27). */
    static final String PCRB_MAX = "pcrb_max_rad2";
    /**
     * The optional solver parameter fixing the eavesdropper SINR level gamma of (P1.1) (linear,
     * &gt; 0): the design then solves (P2.1R) at that gamma only instead of searching (32), which
     * is how paper 001's Fig. 2 plots log2((1 + f(gamma))/(1 + gamma)) against gamma.
     */
    static final String EVE_SINR_LEVEL = "eve_sinr_level";
    /** The descriptor of the PCRB threshold. */
    static final SolverParameter PCRB_MAX_PARAMETER = SolverParameter.requiredPositive(PCRB_MAX,
            "the threshold of the PCRB bound (24)", "rad^2");
    /** The descriptor of the optional eavesdropper SINR level (no default: the search (32) runs). */
    static final SolverParameter EVE_SINR_LEVEL_PARAMETER = SolverParameter.positive(EVE_SINR_LEVEL,
            "the eavesdropper SINR level gamma of (P1.1), fixed instead of searched", "1 (linear)", Double.NaN);

    /** Which vectors span the subspace the SDP is solved in. */
    enum Basis {
        /** span{c_u^*, c_e^*, v_k^*}: the subspace that holds an optimum in this convention. */
        CONJUGATE,
        /** span{c_u, c_e, v_k}: the wrong conjugation (for tests). */
        PLAIN,
        /** the whole C^N (the unreduced N x N SDP). */
        FULL
    }

    /** One eavesdropper: its id, channel row c_e and noise (W). */
    record Eavesdropper(String id, double[][] row, double noiseW) {
    }

    /**
     * One PCRB constraint (27) of a target with a prior.
     *
     * @param target the target's id
     * @param candidates the candidate points (v_k, p_k, rho_k)
     * @param fisherScale c = 2 T |beta|^2 / sigma^2
     * @param sigmaRad sigma_theta
     * @param required sum_k p_k rho_k v_k^T R_X v_k^* must be at least this (W; &lt;= 0: no constraint)
     */
    record Sensing(String target, List<PriorBounds.Candidate> candidates, double fisherScale, double sigmaRad,
            double required) {

        /** @return eq. (24) for the sensing sum s = sum_k p_k rho_k v_k^T R_X v_k^* (W) */
        double bound(double sum) {
            return 1 / (fisherScale * sum + 1 / (sigmaRad * sigmaRad));
        }
    }

    /**
     * The problem in the coordinates of an orthonormal basis (d vectors).
     *
     * @param basis the basis (N x d)
     * @param userDirection y_u, unit d-vector {re, im}
     * @param userSnr SNR_u = P ||c_u||^2 / sigma_u^2
     * @param eveDirections g_e, unit d-vectors
     * @param eveSnr SNR_e per eavesdropper
     * @param sensing per active sensing constraint: Q_j (d x d Hermitian, {re, im}, largest
     *     eigenvalue 1)
     * @param kappa per active sensing constraint: kappa_j
     */
    record Reduced(ComplexSubspace basis, double[][] userDirection, double userSnr, List<double[][]> eveDirections,
            double[] eveSnr, List<double[][][]> sensing, double[] kappa) {

        /** @return d */
        int dimension() {
            return basis.dimension();
        }
    }

    private final ScenarioPhysics physics;
    private final double powerW;
    private final CommNode user;
    private final double[][] userRow;
    private final List<Eavesdropper> eavesdroppers;
    private final List<Sensing> sensing;
    private final double pcrbMax;
    private final double eveSinrLevel;

    private SecrecySensingProblem(ScenarioPhysics physics, double powerW, CommNode user,
            List<Eavesdropper> eavesdroppers, List<Sensing> sensing, double pcrbMax, double eveSinrLevel) {
        this.physics = physics;
        this.powerW = powerW;
        this.user = user;
        this.userRow = physics.channelRow(user);
        this.eavesdroppers = eavesdroppers;
        this.sensing = sensing;
        this.pcrbMax = pcrbMax;
        this.eveSinrLevel = eveSinrLevel;
    }

    /**
     * Reads and checks the problem.
     *
     * @param scenario the scenario
     * @param algorithm the design's name, for messages
     * @return the problem
     * @throws DesignException when there is not exactly one user, no eavesdropper, no target with
     *     a prior, no (valid) {@code pcrb_max_rad2} or no power budget, or the user's channel is 0
     */
    static SecrecySensingProblem of(Scenario scenario, String algorithm) throws DesignException {
        double power = DesignInputs.transmitPowerW(scenario, algorithm);
        List<CommNode> users = DesignInputs.users(scenario, algorithm);
        if (users.size() != 1) {
            throw new DesignException(algorithm + ": paper 001's design serves a single user; the scenario has "
                    + users.size());
        }
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        List<Eavesdropper> eves = new ArrayList<>();
        for (CommNode e : scenario.eavesdroppers()) {
            eves.add(new Eavesdropper(e.id(), physics.channelRow(e), e.noiseW()));
        }
        for (Target t : scenario.targets()) {
            if (t.eavesdropper()) {
                CommNode r = t.asReceiver();
                eves.add(new Eavesdropper(t.id(), physics.channelRow(r), r.noiseW()));
            }
        }
        if (eves.isEmpty()) {
            throw new DesignException(algorithm + ": the secrecy rate needs at least one eavesdropper or"
                    + " eavesdropping target; the scenario has none");
        }
        SolverParameters parameters = SolverParameters.of(scenario, algorithm);
        double gamma = parameters.number(PCRB_MAX_PARAMETER);
        double level = parameters.number(EVE_SINR_LEVEL_PARAMETER);
        List<Sensing> sensing = new ArrayList<>();
        for (Target t : scenario.targets()) {
            if (t.prior() == null) {
                continue;
            }
            double c = PriorBounds.fisherScale(t, scenario.sensing());
            double sigma = t.prior().sigmaRad();
            double required = (1 / gamma - 1 / (sigma * sigma)) / c;
            sensing.add(new Sensing(t.id(), PriorBounds.candidates(physics, t), c, sigma,
                    Double.isFinite(required) ? required : Double.POSITIVE_INFINITY));
        }
        if (sensing.isEmpty()) {
            throw new DesignException(algorithm + ": the PCRB constraint needs a target with a \"prior\"; the"
                    + " scenario has none");
        }
        CommNode u = users.get(0);
        SecrecySensingProblem p = new SecrecySensingProblem(physics, power, u, eves, sensing, gamma,
                level);
        if (!(CVec.norm2(p.userRow[0], p.userRow[1]) > 0)) {
            throw new DesignException(algorithm + ": the channel of user " + u.id() + " is zero");
        }
        return p;
    }

    ScenarioPhysics physics() {
        return physics;
    }

    double powerW() {
        return powerW;
    }

    CommNode user() {
        return user;
    }

    /** @return c_u, {re, im} */
    double[][] userRow() {
        return userRow;
    }

    List<Eavesdropper> eavesdroppers() {
        return eavesdroppers;
    }

    List<Sensing> sensing() {
        return sensing;
    }

    /** @return the fixed eavesdropper SINR level {@code eve_sinr_level} (linear), or NaN to search */
    double eveSinrLevel() {
        return eveSinrLevel;
    }

    /** @return Gamma (rad^2) */
    double pcrbMax() {
        return pcrbMax;
    }

    /** @return SNR_u = P ||c_u||^2 / sigma_u^2, the largest SINR the user can reach */
    double userSnr() {
        return powerW * CVec.norm2(userRow[0], userRow[1]) / user.noiseW();
    }

    /**
     * The smallest bound (24) of one sensing constraint, reached with all the power on the top
     * eigenvector of Q: 1 / (c P lambda_max(Q) + 1/sigma_theta^2).
     *
     * @param j the constraint's index in {@link #sensing()}
     * @return the bound (rad^2)
     */
    double smallestAchievablePcrb(int j) {
        return sensing.get(j).bound(powerW * largestSensingEigen(j));
    }

    /** @return lambda_max(Q_j) of sum_k p_k rho_k v_k^* v_k^T (in the span of the v_k^*) */
    private double largestSensingEigen(int j) {
        List<double[]> re = new ArrayList<>();
        List<double[]> im = new ArrayList<>();
        for (PriorBounds.Candidate c : sensing.get(j).candidates()) {
            re.add(c.vRe());
            im.add(negated(c.vIm()));
        }
        ComplexSubspace s = new ComplexSubspace(re, im);
        double[][][] q = sensingMatrix(sensing.get(j), s);
        return Math.max(0, new HermitianEigen(q[0], q[1]).values()[0]);
    }

    /**
     * The orthonormal basis of the subspace the SDPs are solved in.
     *
     * @param kind which span
     * @return the basis
     */
    ComplexSubspace basis(Basis kind) {
        int n = userRow[0].length;
        List<double[]> re = new ArrayList<>();
        List<double[]> im = new ArrayList<>();
        if (kind == Basis.FULL) {
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                e[i] = 1;
                re.add(e);
                im.add(new double[n]);
            }
            return new ComplexSubspace(re, im);
        }
        boolean conj = kind == Basis.CONJUGATE;
        re.add(userRow[0]);
        im.add(conj ? negated(userRow[1]) : userRow[1]);
        for (Eavesdropper e : eavesdroppers) {
            re.add(e.row()[0]);
            im.add(conj ? negated(e.row()[1]) : e.row()[1]);
        }
        for (Sensing s : sensing) {
            for (PriorBounds.Candidate c : s.candidates()) {
                re.add(c.vRe());
                im.add(conj ? negated(c.vIm()) : c.vIm());
            }
        }
        return new ComplexSubspace(re, im);
    }

    /**
     * The normalised problem in the coordinates of a basis (see the class comment).
     *
     * @param basis an orthonormal basis (from {@link #basis(Basis)})
     * @return the reduced data
     */
    Reduced reduce(ComplexSubspace basis) {
        double[][] yu = unit(basis.coordinates(userRow[0], negated(userRow[1])));
        List<double[][]> g = new ArrayList<>();
        double[] snr = new double[eavesdroppers.size()];
        for (int e = 0; e < snr.length; e++) {
            Eavesdropper eve = eavesdroppers.get(e);
            double[][] y = basis.coordinates(eve.row()[0], negated(eve.row()[1]));
            // the projected norm: with a basis that misses c_e^* the constraint is that of the projection
            snr[e] = powerW * CVec.norm2(y[0], y[1]) / eve.noiseW();
            g.add(unit(y));
        }
        List<double[][][]> qs = new ArrayList<>();
        List<Double> kappas = new ArrayList<>();
        for (int j = 0; j < sensing.size(); j++) {
            Sensing s = sensing.get(j);
            if (!(s.required() > 0)) {
                continue;
            }
            double[][][] q = sensingMatrix(s, basis);
            double top = new HermitianEigen(q[0], q[1]).values()[0];
            scale(q, 1 / top);
            qs.add(q);
            kappas.add(s.required() / (powerW * top));
        }
        return new Reduced(basis, yu, userSnr(), g, snr, qs, kappas.stream().mapToDouble(Double::doubleValue)
                .toArray());
    }

    /** @return sum_k p_k rho_k z_k z_k^H with z_k = B^H v_k^* ({re, im}, d x d) */
    private static double[][][] sensingMatrix(Sensing s, ComplexSubspace basis) {
        int d = basis.dimension();
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        for (PriorBounds.Candidate c : s.candidates()) {
            double w = c.probability() * c.rho();
            if (w == 0) {
                continue;
            }
            double[][] z = basis.coordinates(c.vRe(), negated(c.vIm()));
            addOuter(re, im, w, z);
        }
        return new double[][][] {re, im};
    }

    /** M += w z z^H. */
    static void addOuter(double[][] re, double[][] im, double w, double[][] z) {
        int d = re.length;
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                // z_i conj(z_k)
                re[i][k] += w * (z[0][i] * z[0][k] + z[1][i] * z[1][k]);
                im[i][k] += w * (z[1][i] * z[0][k] - z[0][i] * z[1][k]);
            }
        }
    }

    private static void scale(double[][][] m, double f) {
        for (double[][] part : m) {
            for (double[] row : part) {
                for (int k = 0; k < row.length; k++) {
                    row[k] *= f;
                }
            }
        }
    }

    private static double[][] unit(double[][] y) {
        double norm = Math.sqrt(CVec.norm2(y[0], y[1]));
        double[] re = y[0].clone();
        double[] im = y[1].clone();
        if (norm > 0) {
            for (int i = 0; i < re.length; i++) {
                re[i] /= norm;
                im[i] /= norm;
            }
        }
        return new double[][] {re, im};
    }

    static double[] negated(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = -x[i];
        }
        return out;
    }
}
