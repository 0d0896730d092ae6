package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import java.util.List;

/**
 * {@code rzf}: regularised zero forcing, P proportional to C^H (C C^H + delta I)^-1 with
 * ||P||_F^2 = P_tx. delta is the solver parameter {@code regularization} (>= 0; read from the
 * scenario's solver block whatever algorithm it names) or, by default, the MMSE choice
 * delta = U mean_u(noise_u) / P_tx (dimensionless, like |c|^2). delta -> 0 gives ZF; delta -> infinity
 * gives columns along the MRT directions conj(c_u) (with powers proportional to ||c_u||^2).
 */
public final class RegularizedZeroForcingDesign extends ChannelInversionDesign {

    /** The solver parameter that sets delta. */
    static final String PARAMETER = "regularization";

    @Override
    public String name() {
        return "rzf";
    }

    @Override
    public String description() {
        return "RZF: regularised zero forcing (MMSE regularisation by default)";
    }

    @Override
    protected double regularization(Scenario scenario, List<CommNode> users, double powerW) throws DesignException {
        SolverParameters params = SolverParameters.of(scenario, name());
        if (!params.has(PARAMETER)) {
            double noise = 0;
            for (CommNode u : users) {
                noise += u.noiseW();
            }
            return users.size() * (noise / users.size()) / powerW;
        }
        return params.number(PARAMETER, Double.NaN, 0, Double.POSITIVE_INFINITY);
    }
}
