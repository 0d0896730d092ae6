package io.fresnel.design.sdr;

import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.SdrModel;
import io.fresnel.optim.ConeOptions;
import io.fresnel.optim.ConeProgram;
import io.fresnel.optim.ConeResult;
import io.fresnel.optim.ConeSolver;
import io.fresnel.optim.ConeStatus;
import io.fresnel.optim.HermitianPsdBlock;
import io.fresnel.optim.HermitianVariable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The part paper 004's three SDRs share, in the reduced variables of Prop. 2/4: the transmit
 * covariance and the users' covariances are R_X = P Q X Q^H and W_u = P Q Y_u Q^H with X, Y_u
 * (d x d) Hermitian; the dedicated sensing covariance is R_d = P Q (X - sum Y_u) Q^H (paper 004
 * (28e)/(35e), the paper's Sigma_sc). Constraints:
 *
 * <ul>
 *   <li>power (28d)/(35d): tr X &lt;= 1;</li>
 *   <li>Y_u &gt;= 0 and X - sum Y_u &gt;= 0 (R_d &gt;= 0);</li>
 *   <li>SINR (28c)/(35c) for each user with a requirement Gamma_u (users without one get no
 *       W_u variable): g^H Y_u g / Gamma_u - g^H (X - Y_u) g &gt;= sigma_u^2 / P, g = Q^H c_u^*,
 *       written as g^H X g - (1 + 1/Gamma_u) g^H Y_u g &lt;= -sigma_u^2/P, normalised by ||g||^2 and then
 *       divided by the square root of its right-hand side n = sigma_u^2/(P ||g||^2), so that a residual
 *       e of the row is a relative SINR error of order e sqrt(n) rather than e / n.</li>
 * </ul>
 *
 * Subclasses add the objective and its cones. The rank-one reconstruction is
 * {@link SdrPrecoder}.
 */
public abstract class SdrProgram {
    /** Relative margin added to each SINR requirement inside the SDP, so that solver tolerances never undercut it. */
    static final double SINR_MARGIN = 1e-8;

    /** The subspace model the program is written in. */
    public final SdrModel model;
    final double powerW;
    final double[] sinrRequired;
    final int d;
    final HermitianVariable x;
    /** Per user its covariance variable, or null without a requirement. */
    final HermitianVariable[] w;
    /** The first variable after X and the Y_u. */
    final int firstExtra;
    /**
     * The solver's options: relative gap 1e-9 as the defaults, relative feasibility 1e-7 (cvxopt's
     * default feastol) and an acceptable gap of 1e-8 (cvxopt's default reltol is 1e-6). With the
     * default feasibility 1e-9 the solver of branch optim stalled on programs whose SINR constraint is
     * active (e.g. golden/solver/p_solver_crb_2d_n8; reproducer in SolverStallReproducerTest). A
     * program whose SINR requirement is close to what MRT at full power gives (18.5 bit/s/Hz on 4 x 4
     * UPAs, SINR 3.7e5: the multiplier of the SINR row is of order Gamma, the embedding's tau falls to
     * 4e-6) reaches gap 3e-9 with residuals 2e-9 / 3e-8, after which the dual residual is lost to
     * rounding: it ended at the iteration limit with the right objective; with the acceptable gap it
     * ends optimal with that iterate's certificate (ConeSolverContract, BadlyScaledSdrDesignTest).
     * Programs that reach 1e-9 end as before. The designs re-check every constraint of the
     * reconstructed precoder with the metric code, so the tolerances cannot hide a violation.
     */
    ConeOptions options = ConeOptions.defaults().withFeasibilityTolerance(1e-7).withAcceptableGap(1e-8);

    /**
     * @param model the subspace model
     * @param powerW P (W, &gt; 0)
     * @param sinrRequired per user Gamma_u (linear; 0 or less: no requirement)
     */
    SdrProgram(SdrModel model, double powerW, double[] sinrRequired) {
        this.model = model;
        this.powerW = powerW;
        this.sinrRequired = sinrRequired.clone();
        this.d = model.d;
        int n2 = d * d;
        x = new HermitianVariable(0, d);
        w = new HermitianVariable[sinrRequired.length];
        int next = n2;
        for (int u = 0; u < sinrRequired.length; u++) {
            if (sinrRequired[u] > 0) {
                w[u] = new HermitianVariable(next, d);
                next += n2;
            }
        }
        firstExtra = next;
    }

    /** @return how many variables the subclass adds after {@link #firstExtra} */
    abstract int extraVariables();

    /** Adds the objective and the subclass's constraints. */
    abstract void addObjective(ConeProgram program);

    /**
     * @param primalObjective the solver's objective value
     * @return the design objective in SI (m^2 or W)
     */
    abstract double objectiveSi(double primalObjective);

    /**
     * Builds and solves the SDP.
     *
     * @param cancelled polled by the solver
     * @return the solution (covariances in the normalised variables: tr X &lt;= 1)
     */
    public SdrSolution solve(BooleanSupplier cancelled) {
        for (int u = 0; u < sinrRequired.length; u++) {
            double snrMax = powerW * model.userChannelNorm2[u] / model.userNoiseW[u];
            if (sinrRequired[u] > snrMax) {
                return SdrSolution.infeasible(String.format(Locale.ROOT,
                        "user %s needs SINR %.7g but even MRT at full power gives only %.7g", model.users.get(u).id(),
                        sinrRequired[u], snrMax));
            }
        }
        double floor = SinrPowerFloor.lowerBound(model.userVectors, model.userNoiseW, sinrRequired, powerW);
        if (floor > powerW * (1 + 1e-9)) {
            return SdrSolution.infeasible(String.format(Locale.ROOT, "the users' SINR requirements need at least %.6g W"
                    + " (uplink-downlink duality), more than the budget of %.6g W", floor, powerW));
        }
        ConeProgram program = new ConeProgram(firstExtra + extraVariables());
        addCommon(program);
        addObjective(program);
        ConeResult r = ConeSolver.solve(program, options, cancelled);
        DesignStatus status = switch (r.status()) {
            case OPTIMAL -> DesignStatus.OPTIMAL;
            case INFEASIBLE -> DesignStatus.INFEASIBLE;
            case UNBOUNDED -> DesignStatus.UNBOUNDED;
            case ITERATION_LIMIT -> DesignStatus.ITERATION_LIMIT;
            case CANCELLED -> DesignStatus.CANCELLED;
        };
        String note = String.format(Locale.ROOT, "interior point: %s after %d iterations, gap %.2e, residuals %.2e/%.2e",
                r.status(), r.iterations(), r.relativeGap(), r.primalResidual(), r.dualResidual());
        if (status == DesignStatus.INFEASIBLE || status == DesignStatus.UNBOUNDED || r.x() == null) {
            return new SdrSolution(status, r.iterations(), null, null, Double.NaN, note);
        }
        double[][][] xv = x.value(r.x());
        double[][][][] wv = new double[w.length][][][];
        for (int u = 0; u < w.length; u++) {
            wv[u] = w[u] == null ? null : w[u].value(r.x());
        }
        return new SdrSolution(status, r.iterations(), xv, wv, objectiveSi(r.primalObjective()), note);
    }

    private void addCommon(ConeProgram program) {
        // power: tr X <= 1
        double[][] eye = new double[d][d];
        for (int i = 0; i < d; i++) {
            eye[i][i] = 1;
        }
        Map<Integer, Double> row = new HashMap<>();
        x.addTraceProduct(row, eye, new double[d][d], 1.0);
        program.addLinearInequality(row, 1.0);
        // R_d = X - sum Y_u >= 0, Y_u >= 0
        boolean any = false;
        for (HermitianVariable wu : w) {
            any |= wu != null;
        }
        if (any) {
            HermitianPsdBlock rd = program.addHermitianPsd(d);
            x.addTo(rd, 0, 0, 1.0);
            for (HermitianVariable wu : w) {
                if (wu != null) {
                    wu.addTo(rd, 0, 0, -1.0);
                    wu.requirePsd(program);
                }
            }
        } else {
            x.requirePsd(program);
        }
        // SINR
        for (int u = 0; u < w.length; u++) {
            if (w[u] == null) {
                continue;
            }
            double[][] g = model.userVectors[u];
            double g2 = 0;
            for (int i = 0; i < d; i++) {
                g2 += g[0][i] * g[0][i] + g[1][i] * g[1][i];
            }
            double[][][] gg = SdrModel.outer(g);
            Map<Integer, Double> s = new HashMap<>();
            double gamma = sinrRequired[u] * (1 + SINR_MARGIN);
            // the row divided by sqrt(n), n = sigma^2 / (P ||g||^2) = 1 / (the user's SNR at full
            // power): with unit coefficients its right-hand side is n (1e-7 for near users), and a
            // residual e the solver accepts is a relative SINR error of about e / n; divided by sqrt(n)
            // it is about e sqrt(n) (coefficients 1 / sqrt(n), right-hand side sqrt(n))
            double n = model.userNoiseW[u] / (powerW * g2);
            double k = 1 / Math.sqrt(n);
            x.addTraceProduct(s, gg[0], gg[1], k / g2);
            w[u].addTraceProduct(s, gg[0], gg[1], -(1 + 1 / gamma) * k / g2);
            program.addLinearInequality(s, -n * k);
        }
    }
}
