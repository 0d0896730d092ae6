package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.ChannelInversion;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.physics.ScenarioPhysics;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;

/**
 * Linear precoding by (regularised) channel inversion, one {@code private} stream per user:
 * P = sqrt(P_tx) P0 / ||P0||_F with P0 = C^H (C C^H + delta I)^-1 and C (U x N) the users'
 * channel rows ({@link ChannelInversion}). The subclass chooses delta.
 */
abstract class ChannelInversionDesign extends ClosedFormDesign {

    /**
     * @param scenario the scenario (its solver parameters may be read)
     * @param users the users
     * @param powerW the power budget P (W)
     * @return delta (dimensionless, the unit of the entries of C C^H, i.e. of |c|^2; >= 0)
     * @throws DesignException when a parameter is invalid
     */
    protected abstract double regularization(Scenario scenario, List<CommNode> users, double powerW)
            throws DesignException;

    @Override
    protected final Precoder design(ScenarioPhysics physics) throws DesignException {
        Scenario sc = physics.scenario();
        double power = DesignInputs.transmitPowerW(sc, name());
        List<CommNode> users = DesignInputs.users(sc, name());
        ZMatrixRMaj c = DesignInputs.channelMatrix(physics, users);
        ZMatrixRMaj p = ChannelInversion.rightInverse(c, regularization(sc, users, power), name(),
                "the users' channel matrix C");
        ZMatrices.scale(p, Math.sqrt(power / ZMatrices.frobeniusNorm2(p)));
        return new Precoder(DesignInputs.privateStreams(users), ZMatrices.toComplexMatrix(p), null, null, null);
    }
}
