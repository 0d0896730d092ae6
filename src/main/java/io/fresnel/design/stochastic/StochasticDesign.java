package io.fresnel.design.stochastic;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.ComplexSubspace;
import io.fresnel.math.Vec3;
import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.physics.ArrayResponse;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * What SSJB and SLB share (paper 002 Sec. IV, STOCHASTIC.md section 1): the scenario must have
 * exactly one user (the served one) and exactly one target (the sensed one); the vectors are
 * h = conj(c_user), a = conj(v(p_t)) with the full phase (the target's gain is not part of it)
 * and a' = d conj(v(p(theta)))/d theta, p(theta) rotating p_t about the vertical axis through the
 * reference point o. Columns are the papers' vectors as they are (a receiver with channel row c
 * receives c^T x = h^H x). A closed form: one iteration, status {@link DesignStatus#OPTIMAL}
 * (the construction is exactly what was asked; it is not an optimum of any problem), objective
 * the user's rate (bit/s/Hz).
 */
abstract class StochasticDesign extends AbstractDesign {

    /**
     * Builds the precoder columns and stream roles.
     *
     * @param vectors h, a and a' of the scenario
     * @param power P (W)
     * @param parameters the solver block
     * @param userId the served user's id
     * @return the precoder
     * @throws DesignException when the parameters are out of range or the geometry degenerate
     */
    protected abstract Precoder build(Vectors vectors, double power, SolverParameters parameters, String userId)
            throws DesignException;

    @Override
    protected final DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        double power = DesignInputs.transmitPowerW(scenario, name());
        if (scenario.users().size() != 1) {
            throw new DesignException(name() + ": needs exactly one user (the served one), the scenario has "
                    + scenario.users().size());
        }
        if (scenario.targets().size() != 1) {
            throw new DesignException(name() + ": needs exactly one target (the sensed one), the scenario has "
                    + scenario.targets().size());
        }
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        CommNode user = scenario.users().get(0);
        Vectors v = vectors(physics, user, scenario.targets().get(0));
        Precoder precoder = build(v, power, SolverParameters.of(scenario, name()), user.id());
        double rate = CommunicationMetrics.evaluate(physics, precoder, new PrecoderColumns(precoder.effective()))
                .sumRateBpsHz();
        context.progress().onIteration(1, rate, "closed form");
        return new DesignResult(name(), DesignStatus.OPTIMAL, precoder, rate, 1, DesignResult.secondsSince(start),
                null);
    }

    /**
     * h = conj(c_user), a = conj(v(p_t)) and a' = d a / d theta (STOCHASTIC.md section 1).
     *
     * @param physics the scenario's responses
     * @param user the served user
     * @param target the sensed target
     * @return the three vectors
     */
    static Vectors vectors(ScenarioPhysics physics, CommNode user, Target target) {
        double[][] c = physics.channelRow(user);
        ArrayResponse tx = physics.transmit();
        int n = tx.size();
        double[] vr = new double[n];
        double[] vi = new double[n];
        double[][] dr = new double[3][n];
        double[][] di = new double[3][n];
        Vec3 p = target.positionM();
        tx.evaluate(p, true, vr, vi, dr, di);
        Vec3 o = tx.reference();
        double tx0 = -(p.y() - o.y());
        double ty0 = p.x() - o.x();
        double[][] h = new double[2][n];
        double[][] a = new double[2][n];
        double[][] ap = new double[2][n];
        for (int i = 0; i < n; i++) {
            h[0][i] = c[0][i];
            h[1][i] = -c[1][i];
            a[0][i] = vr[i];
            a[1][i] = -vi[i];
            ap[0][i] = tx0 * dr[0][i] + ty0 * dr[1][i];
            ap[1][i] = -(tx0 * di[0][i] + ty0 * di[1][i]);
        }
        return new Vectors(h, a, ap);
    }

    /**
     * An orthonormal basis of the orthogonal complement of the given orthonormal vectors.
     *
     * @param n the dimension N
     * @param spanned orthonormal vectors; not modified
     * @return N - spanned.size() orthonormal vectors orthogonal to them
     */
    static List<double[][]> complement(int n, List<double[][]> spanned) {
        List<double[]> re = new ArrayList<>();
        List<double[]> im = new ArrayList<>();
        for (double[][] s : spanned) {
            re.add(s[0]);
            im.add(s[1]);
        }
        for (int i = 0; i < n; i++) {
            double[] e = new double[n];
            e[i] = 1;
            re.add(e);
            im.add(new double[n]);
        }
        ComplexSubspace q = new ComplexSubspace(re, im);
        List<double[][]> out = new ArrayList<>();
        for (int j = spanned.size(); j < q.dimension(); j++) {
            out.add(q.basisVector(j));
        }
        if (out.size() != n - spanned.size()) {
            throw new IllegalStateException("complement of dimension " + out.size() + ", expected "
                    + (n - spanned.size()));
        }
        return out;
    }

    /**
     * @param roles the stream roles in column order
     * @param userId the user of the private stream
     * @return the streams
     */
    static List<Stream> streams(List<StreamRole> roles, String userId) {
        List<Stream> out = new ArrayList<>();
        for (StreamRole r : roles) {
            out.add(new Stream(r, r == StreamRole.PRIVATE ? userId : null));
        }
        return out;
    }

    /**
     * @param columns the columns
     * @return the N x S matrix
     */
    static ComplexMatrix matrix(List<double[][]> columns) {
        return io.fresnel.design.common.ZMatrices.ofColumns(columns);
    }

    /**
     * The vectors of STOCHASTIC.md section 1, {re, im} of length N each.
     *
     * @param h the user's vector conj(c_user)
     * @param a the target's vector conj(v(p_t))
     * @param aPrime d a / d theta at the target
     */
    record Vectors(double[][] h, double[][] a, double[][] aPrime) {
    }
}
