package io.fresnel.render;

import io.fresnel.metrics.CommunicationMetrics;
import io.fresnel.metrics.EavesdropperMetrics;
import io.fresnel.metrics.PrecoderColumns;
import io.fresnel.metrics.SecrecyRates;
import io.fresnel.metrics.UserMetrics;
import io.fresnel.model.CommNode;
import io.fresnel.model.Precoder;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * User u's {@code secrecy_rate_bps_hz} when one eavesdropper stands at p with the default
 * line-of-sight gain and everything else stays put (SCENARIO.md section 2, {@link SecrecyRates}).
 * The users' rates and the other eavesdroppers' rates do not depend on p and are computed once
 * with {@link CommunicationMetrics}; per point only the moved eavesdropper's rates change the
 * worst case. NaN where the eavesdropper may not stand. Rows are evaluated with the beampattern's
 * block sums ({@link ReceivedPowers}).
 */
final class SecrecyKernel implements PointKernel {
    private final ScenarioPhysics physics;
    private final double[][][] columns;
    private final NodeSite site;
    private final int userIndex;
    private final boolean rsma;
    private final int common;
    private final int[] privateStream;
    private final double[] userRates;
    private final double commonRate;
    private final double[] fixedWorst;
    private final double fixedWorstCommon;
    private final double[] shares;
    private final double noiseW;

    /**
     * @param physics the scenario's physics (with a precoder)
     * @param userIndex the user's position in the scenario's user list
     * @param movedId the id of the eavesdropper that moves, or null for a hypothetical one
     *     (then no existing eavesdropper is left out)
     * @param movedNoiseW the moved eavesdropper's noise power (W)
     */
    SecrecyKernel(ScenarioPhysics physics, int userIndex, String movedId, double movedNoiseW) {
        this.physics = physics;
        Precoder p = physics.scenario().precoder();
        this.columns = StreamPowers.columns(p.effective(), 0, p.streams().size());
        this.site = new NodeSite(physics.scenario(), false);
        this.userIndex = userIndex;
        this.common = p.commonIndex();
        this.rsma = common >= 0;
        this.noiseW = movedNoiseW;
        CommunicationMetrics.Result fixed = CommunicationMetrics.evaluate(physics, p, new PrecoderColumns(p.effective()));
        List<EavesdropperMetrics> others = new ArrayList<>();
        for (EavesdropperMetrics e : fixed.eavesdroppers()) {
            if (!e.id().equals(movedId)) {
                others.add(e);
            }
        }
        for (EavesdropperMetrics e : fixed.eavesdroppingTargets().values()) {
            if (!e.id().equals(movedId)) {
                others.add(e);
            }
        }
        List<CommNode> users = physics.scenario().users();
        int k = users.size();
        privateStream = new int[k];
        userRates = new double[k];
        fixedWorst = new double[k];
        for (int i = 0; i < k; i++) {
            UserMetrics m = fixed.users().get(i);
            privateStream[i] = p.privateIndex(users.get(i).id());
            Double r = rsma ? m.privateRateBpsHz() : m.rateBpsHz();
            userRates[i] = r == null ? Double.NaN : r;
            for (EavesdropperMetrics e : others) {
                Double re = e.rateBpsHz().get(m.id());
                if (re != null) {
                    fixedWorst[i] = Math.max(fixedWorst[i], re);
                }
            }
        }
        double worstCommon = Double.NEGATIVE_INFINITY;
        if (rsma) {
            for (EavesdropperMetrics e : others) {
                worstCommon = Math.max(worstCommon, e.commonRateBpsHz());
            }
        }
        this.fixedWorstCommon = worstCommon;
        this.commonRate = fixed.commonRateBpsHz() == null ? Double.NaN : fixed.commonRateBpsHz();
        this.shares = CommunicationMetrics.shares(p, users.stream().map(CommNode::id).toList());
    }

    @Override
    public Worker worker() {
        double[] worst = new double[userRates.length];
        return new ReceivedPowersWorker(new ReceivedPowers(physics, columns, site), columns[0].length,
                pw -> secrecy(pw, worst));
    }

    /**
     * @param pw the moved eavesdropper's received power per stream (W)
     * @param worst scratch, one entry per user; modified
     * @return user u's secrecy rate (bit/s/Hz)
     */
    private double secrecy(double[] pw, double[] worst) {
        for (int i = 0; i < worst.length; i++) {
            int s = privateStream[i];
            worst[i] = s < 0 ? fixedWorst[i]
                    : Math.max(fixedWorst[i], CommunicationMetrics.rate(CommunicationMetrics.sinr(pw, s, -1, noiseW)));
        }
        double worstCommon = rsma
                ? Math.max(fixedWorstCommon, CommunicationMetrics.rate(CommunicationMetrics.sinr(pw, common, -1, noiseW)))
                : 0;
        return SecrecyRates.of(rsma, userRates, commonRate, worst, worstCommon, shares)[userIndex];
    }
}
