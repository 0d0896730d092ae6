package io.fresnel.design.baseline;

import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import java.util.List;

/**
 * {@code zf}: zero forcing, P proportional to C^H (C C^H)^-1 with ||P||_F^2 = P_tx, so that
 * every user receives only its own stream (c_u^T p_i = 0 for i != u) and its SINR equals its
 * interference-free SNR. Needs U <= N users with linearly independent channel rows.
 */
public final class ZeroForcingDesign extends ChannelInversionDesign {

    @Override
    public String name() {
        return "zf";
    }

    @Override
    public String description() {
        return "ZF: zero forcing, no inter-user interference";
    }

    @Override
    protected double regularization(Scenario scenario, List<CommNode> users, double powerW) {
        return 0;
    }
}
