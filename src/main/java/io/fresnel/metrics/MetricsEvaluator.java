package io.fresnel.metrics;

import io.fresnel.math.SymmetricMatrices;
import io.fresnel.math.CVec;
import io.fresnel.model.CommNode;
import io.fresnel.model.Scenario;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates every metric of SCENARIO.md section 2 for a scenario and its precoder: the single
 * code path behind {@code eval}, the window's metrics panel and the solvers' feasibility checks.
 * Stateless and thread-safe.
 */
public final class MetricsEvaluator {
    private MetricsEvaluator() {
    }

    /**
     * @param scenario a validated scenario
     * @return its metrics; node entries without values when it has no precoder
     */
    public static Metrics evaluate(Scenario scenario) {
        if (scenario.precoder() == null) {
            return withoutPrecoder(scenario);
        }
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        PrecoderColumns columns = new PrecoderColumns(scenario.precoder().effective());
        CommunicationMetrics.Result comm = CommunicationMetrics.evaluate(physics, scenario.precoder(), columns);
        List<TargetMetrics> targets = targets(physics, columns, comm);
        List<SensingEavesdropperBounds.Result> eves = new ArrayList<>();
        for (SensingEavesdropper se : scenario.sensingEavesdroppers()) {
            eves.add(SensingEavesdropperBounds.evaluate(physics, columns, se));
        }
        Double crbSum = null;
        if (!targets.isEmpty() && targets.get(0).error() == null) {
            double s = 0;
            for (TargetMetrics t : targets) {
                s += scenario.dimension() == 2 ? t.spebM2() : t.crbPositionM2();
            }
            crbSum = s;
        }
        SystemMetrics system = new SystemMetrics(columns.power(), comm.sumRateBpsHz(), comm.commonRateBpsHz(),
                comm.minSecrecyRateBpsHz(), crbSum);
        return new Metrics(comm.users(), comm.eavesdroppers(), targets, eves, system);
    }

    private static List<TargetMetrics> targets(ScenarioPhysics physics, PrecoderColumns columns,
            CommunicationMetrics.Result comm) {
        Scenario sc = physics.scenario();
        List<TargetMetrics> out = new ArrayList<>();
        if (sc.targets().isEmpty()) {
            return out;
        }
        boolean planar = sc.dimension() == 2;
        double priorWork = 0;
        double costliest = -1;
        Target worst = null;
        for (Target target : sc.targets()) {
            double w = target.prior() == null ? 0 : PriorBounds.operations(physics, columns, target);
            priorWork += w;
            if (w > costliest) {
                costliest = w;
                worst = target;
            }
        }
        if (priorWork > PriorBounds.MAX_OPERATIONS) {
            throw new ProblemTooLargeException(String.format(java.util.Locale.ROOT, "the posterior CRBs of the"
                    + " targets with a prior need about %.1e operations together (the costliest, target %s, has %d"
                    + " prior components), more than the limit %.1e", priorWork, worst.id(),
                    worst.prior().anglesRad().size(), PriorBounds.MAX_OPERATIONS));
        }
        JointFisherInformation fim = new JointFisherInformation(physics, columns, sc.targets(),
                sc.sensing().snapshots(), sc.sensing().noiseW());
        double[][] crb = fim.error() == null ? fim.crb() : null;
        double[] knownRange = planar ? fim.knownOtherBound(true) : null;
        double[] knownAngle = planar ? fim.knownOtherBound(false) : null;
        double[] ranges = fim.ranges();
        double[] angles = fim.angles();
        int n = physics.transmit().size();
        int m = physics.receive().size();
        for (int t = 0; t < sc.targets().size(); t++) {
            Target target = sc.targets().get(t);
            double[] vr = new double[n];
            double[] vi = new double[n];
            physics.transmit().evaluate(target.positionM(), true, vr, vi);
            double[][] w = columns.transposeTimes(vr, vi);
            double illumination = CVec.norm2(w[0], w[1]);
            double[] ar = new double[m];
            double[] ai = new double[m];
            physics.receive().evaluate(target.positionM(), true, ar, ai);
            double echo = target.reflection().abs2() * CVec.norm2(ar, ai) * illumination;
            PriorBounds.Result prior = target.prior() == null ? null
                    : PriorBounds.evaluate(physics, columns, target, sc.sensing());
            TargetBlock b = crb == null ? null
                    : planar ? TargetBlock.planar(crb, t, ranges[t], angles[t]) : TargetBlock.spatial(crb, t);
            out.add(new TargetMetrics(target.id(), illumination, echo, fim.error(),
                    b == null ? null : b.efim, b == null || !planar ? null : b.speb,
                    b == null || !planar ? null : Math.sqrt(b.speb),
                    b == null ? null : b.crbAngle, b == null ? null : b.crbRange, b == null ? null : b.crbAngleRange,
                    knownRange == null ? null : knownRange[t], knownAngle == null ? null : knownAngle[t],
                    b == null ? null : b.crbX, b == null ? null : b.crbY, b == null ? null : b.crbZ,
                    b == null ? null : b.crbPosition,
                    prior == null ? null : prior.pcrbRad2(), prior == null ? null : prior.upperRad2(),
                    prior == null ? null : prior.upperApproxRad2(),
                    comm.eavesdroppingTargets().get(target.id())));
        }
        return out;
    }

    private static Metrics withoutPrecoder(Scenario sc) {
        List<UserMetrics> users = new ArrayList<>();
        for (CommNode u : sc.users()) {
            users.add(new UserMetrics(u.id(), null, null, null, null, null, null, null));
        }
        List<EavesdropperMetrics> eves = new ArrayList<>();
        for (CommNode e : sc.eavesdroppers()) {
            eves.add(new EavesdropperMetrics(e.id(), java.util.Map.of(), java.util.Map.of(), null, null));
        }
        List<TargetMetrics> targets = new ArrayList<>();
        for (Target t : sc.targets()) {
            targets.add(new TargetMetrics(t.id(), null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null));
        }
        List<SensingEavesdropperBounds.Result> se = new ArrayList<>();
        for (SensingEavesdropper s : sc.sensingEavesdroppers()) {
            se.add(new SensingEavesdropperBounds.Result(s.id(), null, null));
        }
        return new Metrics(users, eves, targets, se, SystemMetrics.EMPTY);
    }

    /** One target's block of the joint CRB and the values derived from it. */
    private static final class TargetBlock {
        double[][] efim;
        double speb;
        Double crbAngle;
        Double crbRange;
        Double crbAngleRange;
        Double crbX;
        Double crbY;
        Double crbZ;
        Double crbPosition;

        /**
         * 2-D: the 2x2 block C; EFIM = C^-1; polar CRB T C T^T with
         * T = d(theta, r)/d(x, y) = [[-sin/r, cos/r], [cos, sin]].
         */
        static TargetBlock planar(double[][] crb, int t, double r, double theta) {
            int i = 2 * t;
            double cxx = crb[i][i];
            double cxy = crb[i][i + 1];
            double cyy = crb[i + 1][i + 1];
            TargetBlock b = new TargetBlock();
            double det = cxx * cyy - cxy * cxy;
            b.efim = new double[][] {{cyy / det, -cxy / det}, {-cxy / det, cxx / det}};
            b.speb = cxx + cyy;
            double s = Math.sin(theta);
            double c = Math.cos(theta);
            double[] ta = {-s / r, c / r};
            double[] tr = {c, s};
            b.crbAngle = quad(ta, ta, cxx, cxy, cyy);
            b.crbRange = quad(tr, tr, cxx, cxy, cyy);
            b.crbAngleRange = quad(ta, tr, cxx, cxy, cyy);
            return b;
        }

        /** 3-D: the diagonal of the 3x3 block, its trace (paper 004 eq. (22)) and its inverse. */
        static TargetBlock spatial(double[][] crb, int t) {
            int i = 3 * t;
            TargetBlock b = new TargetBlock();
            b.crbX = crb[i][i];
            b.crbY = crb[i + 1][i + 1];
            b.crbZ = crb[i + 2][i + 2];
            b.crbPosition = b.crbX + b.crbY + b.crbZ;
            b.speb = b.crbPosition;
            // The 3x3 EFIM (inverse of the CRB block): the UI draws the error ellipsoid from it.
            double[][] block = new double[3][3];
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    block[r][c] = crb[i + r][i + c];
                }
            }
            b.efim = SymmetricMatrices.inverse(block);
            return b;
        }

        private static double quad(double[] a, double[] b, double cxx, double cxy, double cyy) {
            return a[0] * (cxx * b[0] + cxy * b[1]) + a[1] * (cxy * b[0] + cyy * b[1]);
        }
    }
}
