package io.fresnel.design.stochastic;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.math.SecureIsacBeams;
import io.fresnel.model.Precoder;
import io.fresnel.model.StreamRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code slb}: paper 002's secure linear beamforming (Sec. IV-B, eq. 11, Appendix C;
 * STOCHASTIC.md section 1). Columns
 * [sqrt(P tau1) h^ | sqrt(P tau2/(N - 1)) G~ | sqrt(P tau3) a~ | sqrt(P tau4) a~'] with
 * h^ = h/||h||, G~ an orthonormal basis of h^perp, a~ = a/||a||, a~' the unit component of a'
 * orthogonal to a~ and tau4 = 1 - tau1 - tau2 - tau3; roles {@code private} + (N - 1) x
 * {@code artificial-noise} + 2 x {@code sensing}.
 *
 * <p>Parameters (SCENARIO.md section 4): {@code tau1} (user's stream, default 0.5), {@code tau2}
 * (AN, default 0.2), {@code tau3} (beam towards the target, default 0.2), each in [0, 1] with
 * tau1 + tau2 + tau3 &lt;= 1; the rest tau4 goes to the derivative beam a~'.
 */
public final class SlbDesign extends StochasticDesign {
    /** Default of {@code tau1}. */
    public static final double DEFAULT_TAU1 = 0.5;
    /** Default of {@code tau2}. */
    public static final double DEFAULT_TAU2 = 0.2;
    /** Default of {@code tau3}. */
    public static final double DEFAULT_TAU3 = 0.2;
    /** Slack on tau1 + tau2 + tau3 &lt;= 1 for decimal inputs such as 0.1 + 0.2 + 0.7. */
    static final double SUM_SLACK = 1e-12;
    private static final List<io.fresnel.design.SolverParameter> PARAMETERS = List.of(
            io.fresnel.design.SolverParameter.number("tau1", "power fraction of the user's beam", "", DEFAULT_TAU1, 0,
                    1),
            io.fresnel.design.SolverParameter.number("tau2", "power fraction of the AN", "", DEFAULT_TAU2, 0, 1),
            io.fresnel.design.SolverParameter.number("tau3", "power fraction towards the target (tau4 = 1 - tau1 -"
                    + " tau2 - tau3 goes to the derivative beam)", "", DEFAULT_TAU3, 0, 1));

    @Override
    public String name() {
        return "slb";
    }

    @Override
    public List<io.fresnel.design.SolverParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "SLB (paper 002): user beam, AN, target beam and derivative beam";
    }

    @Override
    protected Precoder build(Vectors v, double power, SolverParameters parameters, String userId)
            throws DesignException {
        double tau1 = parameters.number(PARAMETERS.get(0));
        double tau2 = parameters.number(PARAMETERS.get(1));
        double tau3 = parameters.number(PARAMETERS.get(2));
        double sum = tau1 + tau2 + tau3;
        if (sum > 1 + SUM_SLACK) {
            throw new DesignException(String.format(Locale.ROOT,
                    "%s: solver.tau1 + solver.tau2 + solver.tau3 must be <= 1 (got %s)", name(), sum));
        }
        double tau4 = Math.max(0, 1 - sum);
        int n = v.h()[0].length;
        if (n < 3) {
            throw new DesignException(name() + ": needs at least 3 transmit elements (got " + n + ")");
        }
        SecureIsacBeams.Slb beams;
        try {
            beams = SecureIsacBeams.slb(v.h(), v.a(), v.aPrime());
        } catch (IllegalArgumentException degenerate) {
            throw new DesignException(name() + ": the user's channel is zero or the target direction is degenerate"
                    + " (a' along a)");
        }
        List<double[][]> columns = new ArrayList<>();
        List<StreamRole> roles = new ArrayList<>();
        columns.add(SecureIsacBeams.scaled(beams.hHat(), Math.sqrt(power * tau1)));
        roles.add(StreamRole.PRIVATE);
        double an = Math.sqrt(power * tau2 / (n - 1));
        for (double[][] g : complement(n, List.<double[][]>of(beams.hHat()))) {
            columns.add(SecureIsacBeams.scaled(g, an));
            roles.add(StreamRole.ARTIFICIAL_NOISE);
        }
        columns.add(SecureIsacBeams.scaled(beams.aTilde(), Math.sqrt(power * tau3)));
        roles.add(StreamRole.SENSING);
        columns.add(SecureIsacBeams.scaled(beams.aPrimeTilde(), Math.sqrt(power * tau4)));
        roles.add(StreamRole.SENSING);
        return new Precoder(streams(roles, userId), matrix(columns), null, null, null);
    }
}
