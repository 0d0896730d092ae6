package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.design.SolverParameter;
import java.util.List;
import java.util.Set;

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
    /** Its descriptor: delta &gt;= 0; absent, U mean(noise_w) / P (the MMSE choice). */
    static final SolverParameter DELTA = SolverParameter.number(PARAMETER,
            "delta of (C C^H + delta I)^-1 (none: U mean(noise_w) / P)", "", Double.NaN, 0, Double.POSITIVE_INFINITY);

    @Override
    public String name() {
        return "rzf";
    }

    @Override
    public Set<String> parameterNames() {
        return Set.of(PARAMETER);
    }

    @Override
    public List<SolverParameter> parameters() {
        return List.of(DELTA);
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
        return params.number(DELTA);
    }
}
