package io.fresnel.design.sdr;

import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.baseline.MaximumRatioDesign;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.math.HermitianEigen;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The communication-sensing tradeoff of paper 004 section V-A for one user and one target: the
 * minimum CRB of (P1.s), eq. (47), versus the SINR requirement Gamma, between its two end points.
 *
 * <ul>
 *   <li>P_s (sensing end): (P1.s) without the SINR constraint gives R_X^s; the largest SINR that
 *       keeps R_X^s is Gamma_s = c^T R_X^s c^* / sigma^2, reached by w^s = R_X^s h (h^H R_X^s h)^{-1/2}
 *       (h = c^*; the construction (36) applied to R_X^s) with R_d^s = R_X^s - w^s w^s^H &gt;= 0 and
 *       no interference. Lemma 1 holds (w^s lies in the range of R_X^s); the paper's projection
 *       w^s = alpha^* U U^H h / ||U^H h|| of (48)-(49) is also computed
 *       ({@link Curve#sinrLemma1Projection()}); it reaches Gamma_s only when U^H h is an eigenvector
 *       of Sigma_s and is below it otherwise, since the optimal x in (49) is proportional to
 *       Sigma_s U^H h rather than to U^H h.</li>
 *   <li>P_c (communication end): MRT at full power, Gamma_c = P ||c||^2 / sigma^2, CRB_c = CRB(P h h^H/||h||^2).</li>
 *   <li>In between, (P1.s) is re-solved by {@link CrbMinProgram} with the requirement Gamma; the
 *       last point is P_c itself (the feasible set of (P1.s) shrinks to MRT there).</li>
 * </ul>
 * Every CRB is that of the reconstructed precoder, evaluated by the metric code.
 */
public final class CrbSinrTradeoff {

    /**
     * One point of the curve.
     *
     * @param sinrRequired Gamma (linear)
     * @param sinr the SINR the designed precoder achieves
     * @param crbM2 its sum position CRB (m^2)
     * @param status how the solve ended
     * @param iterations interior-point iterations (0 for the closed-form end point)
     */
    public record Point(double sinrRequired, double sinr, double crbM2, DesignStatus status, int iterations) {
    }

    /**
     * @param sinrSensing Gamma_s
     * @param crbSensingM2 CRB_s (the unconstrained minimum)
     * @param sinrLemma1Projection the SINR of the paper's projection design at P_s
     * @param sinrCommunication Gamma_c (MRT)
     * @param crbCommunicationM2 CRB_c
     * @param points the curve, Gamma ascending from Gamma_s to Gamma_c
     */
    public record Curve(double sinrSensing, double crbSensingM2, double sinrLemma1Projection, double sinrCommunication,
            double crbCommunicationM2, List<Point> points) {
    }

    private CrbSinrTradeoff() {
    }

    /**
     * @param scenario a fully digital scenario with exactly one user and one target (the user's
     *     {@code min_rate_bps_hz} is ignored)
     * @param points number of points (at least 2), equally spaced in Gamma
     * @param cancelled polled by the solver
     * @return the curve
     * @throws DesignException when the scenario is not a single-user single-target one or a solve fails
     */
    public static Curve compute(Scenario scenario, int points, BooleanSupplier cancelled) throws DesignException {
        String name = "crb-sinr-tradeoff";
        SdrDesign.checkInputs(scenario, name);
        if (scenario.users().size() != 1 || scenario.targets().size() != 1) {
            throw new DesignException(name + ": needs exactly one user and one target (got "
                    + scenario.users().size() + " and " + scenario.targets().size() + ")");
        }
        if (points < 2) {
            throw new DesignException(name + ": needs at least 2 points (got " + points + ")");
        }
        double power = DesignInputs.transmitPowerW(scenario, name);
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        SdrModel model = SdrModel.of(physics, SdrModel.Span.CRB);
        double noise = model.userNoiseW[0];
        double[][] g = model.userVectors[0];
        // P_s
        CrbMinProgram free = new CrbMinProgram(model, power, new double[] {0});
        SdrSolution s = free.solve(cancelled);
        if (s.status() != DesignStatus.OPTIMAL) {
            throw new DesignException(name + ": the unconstrained CRB minimisation ended " + s.status().jsonName()
                    + ": " + s.note());
        }
        Precoder ps = SdrPrecoder.build(model, s.x(), null, power);
        Metrics ms = MetricsEvaluator.evaluate(scenario.withPrecoder(ps));
        double gammaS = ms.users().get(0).sinr();
        double crbS = ms.system().crbPositionSumM2();
        double gammaProjection = lemma1Projection(s.x(), g, power, noise);
        // P_c
        double gammaC = power * model.userChannelNorm2[0] / noise;
        Precoder mrt = new MaximumRatioDesign().run(scenario, DesignContext.none()).precoder();
        double crbC = MetricsEvaluator.evaluate(scenario.withPrecoder(mrt)).system().crbPositionSumM2();
        List<Point> curve = new ArrayList<>();
        curve.add(new Point(gammaS, gammaS, crbS, DesignStatus.OPTIMAL, s.iterations()));
        for (int i = 1; i < points - 1; i++) {
            double gamma = gammaS + (gammaC - gammaS) * i / (points - 1);
            SdrSolution r = new CrbMinProgram(model, power, new double[] {gamma}).solve(cancelled);
            if (r.x() == null) {
                curve.add(new Point(gamma, Double.NaN, Double.NaN, r.status(), r.iterations()));
                continue;
            }
            Precoder p = SdrPrecoder.build(model, r.x(), r.w(), power);
            Metrics m = MetricsEvaluator.evaluate(scenario.withPrecoder(p));
            curve.add(new Point(gamma, m.users().get(0).sinr(), m.system().crbPositionSumM2(), r.status(),
                    r.iterations()));
        }
        curve.add(new Point(gammaC, gammaC, crbC, DesignStatus.OPTIMAL, 0));
        return new Curve(gammaS, crbS, gammaProjection, gammaC, crbC, List.copyOf(curve));
    }

    /**
     * The paper's P_s construction (48)-(49): with X = U Sigma U^H (positive part), u = U^H g / ||U^H g||,
     * the largest |alpha|^2 with Sigma - |alpha|^2 u u^H &gt;= 0 is 1 / (u^H Sigma^-1 u); w = alpha U u.
     *
     * @return the SINR of that split (linear)
     */
    static double lemma1Projection(double[][][] x, double[][] g, double power, double noise) {
        HermitianEigen eig = new HermitianEigen(x[0], x[1]);
        double[] lam = eig.values();
        double top = lam[0];
        double uhg2 = 0;
        double quad = 0;
        double gxg = 0;
        for (int k = 0; k < lam.length; k++) {
            if (!(lam[k] > 1e-9 * top)) {
                continue;
            }
            double[][] v = eig.vector(k);
            double re = 0;
            double im = 0;
            for (int i = 0; i < v[0].length; i++) {
                re += v[0][i] * g[0][i] + v[1][i] * g[1][i];
                im += v[0][i] * g[1][i] - v[1][i] * g[0][i];
            }
            double c2 = re * re + im * im;
            uhg2 += c2;
            quad += c2 / lam[k];
            gxg += lam[k] * c2;
        }
        // |alpha|^2 = uhg2 / quad; signal |g^H w|^2 = |alpha|^2 uhg2
        double signal = uhg2 * uhg2 / quad;
        double interference = gxg - signal;
        return power * signal / (power * Math.max(interference, 0) + noise);
    }
}
