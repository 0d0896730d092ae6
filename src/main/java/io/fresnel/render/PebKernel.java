package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.metrics.JointFisherInformation;
import io.fresnel.metrics.JointFisherInformation.TargetColumns;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.model.Scenario;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * The position error bound of target t standing at p, its reflection unchanged and the other
 * targets where they are (the joint FIM of SCENARIO.md section 2): 2-D {@code peb_m} =
 * sqrt(trace of t's 2x2 block of the joint CRB); 3-D sqrt({@code crb_position_m2}) (m). The other
 * targets' FIM columns do not depend on p and are computed once. NaN where the joint FIM is
 * singular or the target may not stand.
 */
final class PebKernel implements PointKernel {
    private final ScenarioPhysics physics;
    private final PrecoderColumns columns;
    private final Target target;
    private final int index;
    private final List<TargetColumns> fixed;
    private final NodeSite site;
    private final int dims;
    private final int snapshots;
    private final double noiseW;

    /**
     * @param physics the scenario's physics (with a precoder and targets)
     * @param index the target's position in the scenario's target list
     * @throws io.fresnel.metrics.ProblemTooLargeException when the joint FIM is too large
     */
    PebKernel(ScenarioPhysics physics, int index) {
        Scenario sc = physics.scenario();
        this.physics = physics;
        this.columns = new PrecoderColumns(sc.precoder().effective());
        this.target = sc.targets().get(index);
        this.index = index;
        this.fixed = JointFisherInformation.columnsOf(physics, columns, sc.targets());
        this.site = new NodeSite(sc, true);
        this.dims = sc.dimension();
        this.snapshots = sc.sensing().snapshots();
        this.noiseW = sc.sensing().noiseW();
    }

    @Override
    public Worker worker() {
        List<TargetColumns> all = new ArrayList<>(fixed);
        return (x, y, z) -> {
            if (!site.allows(x, y, z)) {
                return Double.NaN;
            }
            all.set(index, TargetColumns.of(physics, columns, target.withPosition(new Vec3(x, y, z))));
            JointFisherInformation fim = new JointFisherInformation(all, dims, snapshots, noiseW);
            if (fim.error() != null) {
                return Double.NaN;
            }
            double[][] crb = fim.crb();
            int i = dims * index;
            double sum = crb[i][i] + crb[i + 1][i + 1];
            if (dims == 3) {
                sum += crb[i + 2][i + 2];
            }
            return Math.sqrt(sum);
        };
    }
}
