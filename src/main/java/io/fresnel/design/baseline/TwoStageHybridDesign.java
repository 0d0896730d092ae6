package io.fresnel.design.baseline;

import io.fresnel.design.DesignException;
import io.fresnel.design.common.ChannelInversion;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.FocusDirections;
import io.fresnel.design.common.ZMatrices;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;

/**
 * {@code two-stage-hybrid}: analog phases of focused beams, then digital zero forcing on the
 * effective channel; P = F_A F_D with one {@code private} stream per user.
 *
 * <p>Stage 1 (analog, N x R, unit modulus on its support): RF chain r is matched to node
 * x_r: the users for r < U (x_r = c_r, the channel row), then the targets (x = v(p_t)), then the
 * users again, cyclically. Fully connected: [F_A]_{n,r} = exp(j arg(conj(x_{r,n}))). Partially
 * connected (N divisible by R, blocks of B = N/R antennas): chain r drives antennas
 * rB .. rB + B - 1 only, with the same phases on that block and 0 elsewhere (the block structure
 * the scenario model validates).
 *
 * <p>Stage 2 (digital, R x U): zero forcing on the effective channel H = C F_A (U x R),
 * F_D proportional to H^H (H H^H)^-1, scaled so that ||F_A F_D||_F^2 = P_tx. Hence
 * C F_A F_D is diagonal: no inter-user interference.
 *
 * <p>Needs a hybrid architecture with R >= U RF chains.
 */
public final class TwoStageHybridDesign extends ClosedFormDesign {

    @Override
    public String name() {
        return "two-stage-hybrid";
    }

    @Override
    public String description() {
        return "Two-stage hybrid: analog focused phases + digital ZF";
    }

    @Override
    protected Precoder design(ScenarioPhysics physics) throws DesignException {
        Scenario sc = physics.scenario();
        double power = DesignInputs.transmitPowerW(sc, name());
        ArchitectureKind kind = sc.architecture().kind();
        if (kind == ArchitectureKind.DIGITAL) {
            throw new DesignException(name() + ": needs architecture hybrid-full or hybrid-partial (the scenario's"
                    + " architecture is digital)");
        }
        List<CommNode> users = DesignInputs.users(sc, name());
        int chains = sc.architecture().rfChains();
        if (chains < users.size()) {
            throw new DesignException(name() + ": " + users.size() + " users need at least as many RF chains, the"
                    + " architecture has rf_chains = " + chains);
        }
        int n = physics.transmit().size();
        boolean partial = kind == ArchitectureKind.HYBRID_PARTIAL;
        if (partial && n % chains != 0) {
            throw new DesignException(name() + ": a partially connected array needs N (" + n
                    + ") divisible by rf_chains (" + chains + ")");
        }
        ZMatrixRMaj analog = analog(physics, users, chains, partial);
        ZMatrixRMaj c = DesignInputs.channelMatrix(physics, users);
        ZMatrixRMaj effective = new ZMatrixRMaj(users.size(), chains);
        CommonOps_ZDRM.mult(c, analog, effective);
        ZMatrixRMaj digital = ChannelInversion.rightInverse(effective, 0, name(),
                "the effective channel C F_A");
        ZMatrixRMaj product = new ZMatrixRMaj(n, users.size());
        CommonOps_ZDRM.mult(analog, digital, product);
        ZMatrices.scale(digital, Math.sqrt(power / ZMatrices.frobeniusNorm2(product)));
        return new Precoder(DesignInputs.privateStreams(users), null, ZMatrices.toComplexMatrix(analog),
                ZMatrices.toComplexMatrix(digital), null);
    }

    /** F_A (N x R): the phases of conj(x_r) on chain r's support. */
    private ZMatrixRMaj analog(ScenarioPhysics physics, List<CommNode> users, int chains, boolean partial) {
        int n = physics.transmit().size();
        int block = partial ? n / chains : n;
        List<double[][]> nodes = chainNodes(physics, users, chains);
        ZMatrixRMaj fa = new ZMatrixRMaj(n, chains);
        for (int r = 0; r < chains; r++) {
            double[][] x = nodes.get(r);
            int first = partial ? r * block : 0;
            for (int i = first; i < first + block; i++) {
                // exp(j arg(conj(x))) = exp(-j atan2(im, re)); a zero entry gets phase 0
                double phase = -Math.atan2(x[1][i], x[0][i]);
                fa.set(i, r, Math.cos(phase), Math.sin(phase));
            }
        }
        return fa;
    }

    /** The vector each chain is matched to: users, then targets, then users again. */
    private static List<double[][]> chainNodes(ScenarioPhysics physics, List<CommNode> users, int chains) {
        List<Target> targets = physics.scenario().targets();
        List<double[][]> out = new ArrayList<>(chains);
        for (int r = 0; r < chains; r++) {
            if (r < users.size()) {
                out.add(FocusDirections.user(physics, users.get(r)));
            } else if (r - users.size() < targets.size()) {
                out.add(FocusDirections.point(physics.transmit(), targets.get(r - users.size()).positionM()));
            } else {
                out.add(FocusDirections.user(physics, users.get((r - users.size() - targets.size()) % users.size())));
            }
        }
        return out;
    }
}
