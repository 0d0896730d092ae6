package io.fresnel.render;

import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.physics.ScenarioPhysics;

/**
 * The SINR user u would have at p with the default line-of-sight gain and its own noise
 * (SCENARIO.md section 2): SDMA pw_u / (sum_{i != u} pw_i + noise); RSMA, after SIC of the common
 * stream c, pw_u / (sum_{i != c, u} pw_i + noise). Linear; NaN where the user may not stand. Rows
 * are evaluated with the beampattern's block sums ({@link ReceivedPowers}).
 */
final class SinrKernel implements PointKernel {
    private final ScenarioPhysics physics;
    private final double[][][] columns;
    private final NodeSite site;
    private final int stream;
    private final int common;
    private final double noiseW;

    /**
     * @param physics the scenario's physics (with a precoder)
     * @param user the user
     * @param stream the index of its private stream
     */
    SinrKernel(ScenarioPhysics physics, CommNode user, int stream) {
        this.physics = physics;
        var p = physics.scenario().precoder();
        this.columns = StreamPowers.columns(p.effective(), 0, p.streams().size());
        this.site = new NodeSite(physics.scenario(), false);
        this.stream = stream;
        this.common = p.commonIndex();
        this.noiseW = user.noiseW();
    }

    @Override
    public Worker worker() {
        return new ReceivedPowersWorker(new ReceivedPowers(physics, columns, site), columns[0].length,
                pw -> CommunicationMetrics.sinr(pw, stream, common, noiseW));
    }
}
