package io.fresnel.design.stochastic;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.math.SecureIsacBeams;
import io.fresnel.model.Precoder;
import io.fresnel.model.StreamRole;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ssjb}: paper 002's secure subspace joint beamforming (Sec. IV-A, eqs. 9-10;
 * STOCHASTIC.md section 1). Columns [sqrt(P tau) t1 | sqrt(P (1 - tau)/(N - 2)) G] with
 * t1 = alpha a~ + sqrt(1 - alpha^2) h~ and G an orthonormal basis of span{a~, h~}^perp; roles
 * {@code private} + (N - 2) x {@code artificial-noise}, so that
 * R_X = P tau t1 t1^H + P (1 - tau)/(N - 2) (I - a~ a~^H - h~ h~^H).
 *
 * <p>Parameters (SCENARIO.md section 4): {@code tau} in [0, 1], the power fraction of the user's
 * stream (default 0.6); {@code alpha} in [0, 1], the real amplitude of t1 along a~ (|alpha|^2 is
 * the power fraction towards the target; default 0.5). Needs N &gt;= 3.
 */
public final class SsjbDesign extends StochasticDesign {
    /** Default of {@code tau}. */
    public static final double DEFAULT_TAU = 0.6;
    /** Default of {@code alpha}. */
    public static final double DEFAULT_ALPHA = 0.5;
    private static final List<io.fresnel.design.SolverParameter> PARAMETERS = List.of(
            io.fresnel.design.SolverParameter.number("tau", "power fraction of the user's stream; the rest is AN", "",
                    DEFAULT_TAU, 0, 1),
            io.fresnel.design.SolverParameter.number("alpha", "amplitude of the information beam along the target",
                    "", DEFAULT_ALPHA, 0, 1));

    @Override
    public String name() {
        return "ssjb";
    }

    @Override
    public List<io.fresnel.design.SolverParameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public String description() {
        return "SSJB (paper 002): information beam between target and user, AN in the rest";
    }

    @Override
    protected Precoder build(Vectors v, double power, SolverParameters parameters, String userId)
            throws DesignException {
        double tau = parameters.number(PARAMETERS.get(0));
        double alpha = parameters.number(PARAMETERS.get(1));
        int n = v.h()[0].length;
        if (n < 3) {
            throw new DesignException(name() + ": needs at least 3 transmit elements (got " + n + ")");
        }
        SecureIsacBeams.Ssjb beams;
        try {
            beams = SecureIsacBeams.ssjb(v.h(), v.a(), alpha);
        } catch (IllegalArgumentException degenerate) {
            throw new DesignException(name() + ": the user's channel lies along the target's direction (or is zero)");
        }
        List<double[][]> columns = new ArrayList<>();
        List<StreamRole> roles = new ArrayList<>();
        columns.add(SecureIsacBeams.scaled(beams.t1(), Math.sqrt(power * tau)));
        roles.add(StreamRole.PRIVATE);
        double an = Math.sqrt(power * (1 - tau) / (n - 2));
        for (double[][] g : complement(n, List.of(beams.aTilde(), beams.hTilde()))) {
            columns.add(SecureIsacBeams.scaled(g, an));
            roles.add(StreamRole.ARTIFICIAL_NOISE);
        }
        return new Precoder(streams(roles, userId), matrix(columns), null, null, null);
    }
}
