package io.fresnel.design.rsma;

import io.fresnel.design.AbstractDesign;
import io.fresnel.design.DesignContext;
import io.fresnel.design.DesignException;
import io.fresnel.design.DesignResult;
import io.fresnel.design.DesignStatus;
import io.fresnel.design.common.DesignInputs;
import io.fresnel.design.common.SdrModel;
import io.fresnel.design.common.SolverParameters;
import io.fresnel.metrics.Metrics;
import io.fresnel.metrics.MetricsEvaluator;
import io.fresnel.metrics.TargetMetrics;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.physics.ScenarioPhysics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Paper 000 (RSMA secure near-field ISAC): max-min secrecy rate over the users subject to the
 * transmit power and the angle / range CRB of every target, by the penalty BCD of Algorithm 2
 * (hybrid, {@code rsma-hybrid}) around Algorithm 1 (the fully digital update; alone it is
 * {@code rsma-digital}). Variants: {@code rsma-no-crb} (RSMA-SC, no CRB constraints),
 * {@code sdma-hybrid} (SDMA-HB, no common stream) and {@code rsma-far-field} (RSMA-Far: designed
 * with plane-wave communication channels, spherical sensing model). The common secrecy shares
 * R_kc^s are variables of (25); the returned precoder carries them (water-filling split of the
 * common secrecy rate over the weakest users).
 *
 * <p>Algorithm 1 alternates the bounds at the current point (concave rate bounds in place of the
 * WMMSE weights (28)/(32), see {@link RsmaSurrogate}; quadratic-transform vectors (38)/(42)) with
 * the convex surrogate (52), solved by
 * {@link RsmaSurrogate} with a log-barrier method (the classes of each step: see the package documentation); the quadratic-transform terms (37)/(40) enter
 * with their exact log. The CRB constraints: by default ({@code crb_variant = joint}) the honest
 * joint CRBs of (20) (the diagonal of the inverse polar FIM of all targets with their gains as
 * nuisance parameters, ERRATA 000.7), with {@code known-other} the bounds (23)-(24) with the other
 * coordinate known. Both are imposed as a Schur LMI on the FIM with the first-order bound
 * {@code P P^H >= P~ P^H + P P~^H - P~ P~^H} (the FIM is a positive linear map of P P^H, so the LMI
 * is a conservative, convex inner approximation tight at P~), in place of Lemma 1 / (44)-(51),
 * which covers only the known-other form; the bounds are tightened by
 * {@link RsmaSolver#CRB_MARGIN} relative (solver parameters: {@link RsmaOptions}). The analog update is (53)-(58) element by element, the
 * digital update (59), the penalty schedule rho <- alpha rho (rho_0 = 100 in W, alpha = 0.5 as in
 * section IV) until ||P - F W||_F^2 / P_th < 1e-7 ({@code penalty_initial}, {@code penalty_factor},
 * {@code penalty_tolerance}).
 *
 * <p>Not in the paper, all monotone: the users' rates are minorised by log2 of an affine bound of
 * the received power minus the tangent of log2 of the interference (tight to first order like
 * WMMSE, but not limited to a (1 + 1/SINR) gain per step: 16 surrogates instead of 255 on the
 * paper's set-up); each Algorithm 1 step is over-relaxed along its direction
 * while the true (penalised) objective improves; every BCD round applies the F and W updates five
 * times; a warm start resumes the penalty schedule two reductions on; a cold hybrid run keeps P a
 * margin inside the CRB bounds that shrinks with ||P - F_A F_D|| (so that F_A F_D meets them
 * too); phase one (reaching the CRB
 * bounds from a start that misses them) takes the shortest step towards the surrogate's CRB
 * minimiser that meets them. The method is local: a
 * converged run reports {@link DesignStatus#CONVERGED} (a stationary point), and infeasibility is
 * only ever reported as "not found".
 */
public final class RsmaSecureDesign extends AbstractDesign {
    private final String name;
    private final String description;
    private final boolean hybrid;
    private final boolean crb;
    private final boolean common;
    private final boolean farField;

    private RsmaSecureDesign(String name, String description, boolean hybrid, boolean crb, boolean common,
            boolean farField) {
        this.name = name;
        this.description = description;
        this.hybrid = hybrid;
        this.crb = crb;
        this.common = common;
        this.farField = farField;
    }

    public static RsmaSecureDesign hybrid() {
        return new RsmaSecureDesign("rsma-hybrid", "RSMA-HB: secure RSMA hybrid beamfocusing, penalty BCD (paper 000)",
                true, true, true, false);
    }

    public static RsmaSecureDesign digital() {
        return new RsmaSecureDesign("rsma-digital", "RSMA-FD: secure RSMA fully digital beamfocusing (paper 000 Alg. 1)",
                false, true, true, false);
    }

    public static RsmaSecureDesign noCrb() {
        return new RsmaSecureDesign("rsma-no-crb", "RSMA-SC: rsma-hybrid without the CRB constraints (paper 000)",
                true, false, true, false);
    }

    public static RsmaSecureDesign sdmaHybrid() {
        return new RsmaSecureDesign("sdma-hybrid", "SDMA-HB: rsma-hybrid without the common stream (paper 000)",
                true, true, false, false);
    }

    /**
     * RSMA-Far: rsma-hybrid designed with plane-wave (far-field) channels of the users and
     * eavesdroppers, expanded about the transmit-array centroid, while the CRB constraints keep the
     * spherical model (paper 000, section IV). The reported rates come from the true channels.
     */
    public static RsmaSecureDesign farField() {
        return new RsmaSecureDesign("rsma-far-field",
                "RSMA-Far: rsma-hybrid designed with far-field (plane-wave) communication channels (paper 000)",
                true, true, true, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> parameterNames() {
        return RsmaOptions.PARAMETERS;
    }

    @Override
    public java.util.List<io.fresnel.design.SolverParameter> parameters() {
        return RsmaOptions.DESCRIPTORS;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    protected DesignResult design(Scenario scenario, DesignContext context, long start) throws DesignException {
        double pmax = DesignInputs.transmitPowerW(scenario, name);
        List<CommNode> users = DesignInputs.users(scenario, name);
        RsmaOptions options = RsmaOptions.read(SolverParameters.of(scenario, name));
        ScenarioPhysics physics = new ScenarioPhysics(scenario);
        // the communication model the design assumes: the true one, or plane waves (RSMA-Far)
        ScenarioPhysics comm = farField ? new ScenarioPhysics(planeWave(scenario)) : physics;
        List<double[][]> userRows = new ArrayList<>();
        for (CommNode u : users) {
            userRows.add(comm.channelRow(u));
        }
        // eavesdroppers: separate nodes and eavesdropping targets
        List<double[][]> eaveRows = new ArrayList<>();
        List<Double> eaveNoise = new ArrayList<>();
        for (CommNode e : scenario.eavesdroppers()) {
            eaveRows.add(comm.channelRow(e));
            eaveNoise.add(e.noiseW());
        }
        for (Target t : scenario.targets()) {
            if (t.eavesdropper()) {
                eaveRows.add(comm.channelRow(t.positionM(), t.link()));
                eaveNoise.add(t.noiseW());
            }
        }
        if (eaveRows.isEmpty()) {
            throw new DesignException(name + ": the scenario has no eavesdropper (node or eavesdropping target);"
                    + " the secrecy rate it maximises does not exist");
        }
        List<CrbLimit> limits = new ArrayList<>();
        boolean knownOther = options.crbVariant() == RsmaOptions.CrbVariant.KNOWN_OTHER;
        Double angle = options.crbAngleMaxRad2();
        Double range = options.crbRangeMaxM2();
        if (crb && (angle != null || range != null) && !scenario.targets().isEmpty()) {
            if (scenario.dimension() != 2) {
                throw new DesignException(name + ": the angle and range CRB constraints exist in 2-D scenarios only");
            }
            for (int t = 0; t < scenario.targets().size(); t++) {
                if (angle != null) {
                    limits.add(new CrbLimit(t, true, angle));
                }
                if (range != null) {
                    limits.add(new CrbLimit(t, false, range));
                }
            }
        }
        int rf = scenario.architecture() == null || scenario.architecture().rfChains() == null ? -1
                : scenario.architecture().rfChains();
        if (hybrid && rf < 1) {
            throw new DesignException(name + ": the scenario's architecture gives no rf_chains (hybrid-full needed)");
        }
        if (hybrid && scenario.architecture().kind() == ArchitectureKind.HYBRID_PARTIAL) {
            // the updates (53)-(58) are those of a fully connected F_A (every entry a phase shifter)
            throw new DesignException(name + ": paper 000 designs a fully connected analog precoder; the scenario's"
                    + " architecture is hybrid-partial (hybrid-full needed)");
        }
        List<Stream> streams = new ArrayList<>();
        if (common) {
            streams.add(new Stream(StreamRole.COMMON, null));
        }
        streams.addAll(DesignInputs.privateStreams(users));
        List<double[][]> extra = new ArrayList<>();
        for (double[][] c : eaveRows) {
            extra.add(new double[][] {c[0], Columns.negate(c[1])});
        }
        if (farField) {
            for (double[][] c : userRows) {
                extra.add(new double[][] {c[0], Columns.negate(c[1])});
            }
        }
        // RSMA-Far works in the span of its own (plane-wave) channels, not of the true ones
        SdrModel model = farField ? SdrModel.withoutUserSpan(physics, SdrModel.Span.CRB, extra)
                : SdrModel.of(physics, SdrModel.Span.CRB, extra);
        RsmaChannels channels = new RsmaChannels(model, pmax, users, userRows, eaveRows, eaveNoise, common);
        CrbLmis crbLmis = new CrbLmis(channels, limits, knownOther, scenario, physics);
        Precoder warm = context.warmStart();
        boolean warmFits = warm != null && warm.streams().equals(streams) && warm.effective().rows() == model.antennas;
        RsmaOutcome out = new RsmaSolver(channels, crbLmis, hybrid, rf, options, context, warmFits ? warm : null,
                o -> context.progress().onFeasible(o.iterations(), o.toPrecoder(streams, users))).solve();
        double seconds = DesignResult.secondsSince(start);
        if (out.status() == DesignStatus.CANCELLED) {
            return new DesignResult(name, DesignStatus.CANCELLED, null, null, out.iterations(), seconds, "cancelled");
        }
        if (!out.hasPrecoder()) {
            return new DesignResult(name, DesignStatus.INFEASIBLE, null, null, out.iterations(), seconds, out.message());
        }
        Precoder p = out.toPrecoder(streams, users);
        // the metric code decides: power and CRB constraints must hold
        Metrics m = MetricsEvaluator.evaluate(scenario.withPrecoder(p));
        String violation = violation(m, pmax, limits, knownOther, scenario);
        if (violation != null) {
            return new DesignResult(name, DesignStatus.INFEASIBLE, null, null, out.iterations(), seconds,
                    "the local penalty-BCD method ended at a precoder that violates " + violation
                            + " (a local method cannot prove infeasibility; try another seed or looser bounds)");
        }
        Double objective = m.system().minSecrecyRateBpsHz();
        return new DesignResult(name, out.status(), p, objective, out.iterations(), seconds, out.message());
    }

    /** @return the scenario with plane-wave phases about the transmit-array centroid */
    static Scenario planeWave(Scenario sc) {
        Propagation far = new Propagation(PhaseModel.FAR_FIELD, sc.propagation().amplitude(), sc.txArray().centroid());
        return sc.withPrecoder(null).withPropagation(far);
    }

    static String violation(Metrics m, double pmax, List<CrbLimit> limits, boolean knownOther,
            Scenario scenario) {
        double tol = 1e-6;
        if (m.system().transmitPowerW() > pmax * (1 + tol)) {
            return "the power budget";
        }
        for (CrbLimit l : limits) {
            TargetMetrics tm = m.targets().get(l.target());
            Double v;
            if (knownOther) {
                v = l.angle() ? tm.crbAngleKnownRangeRad2() : tm.crbRangeKnownAngleM2();
            } else {
                v = l.angle() ? tm.crbAngleRad2() : tm.crbRangeM2();
            }
            if (v == null || !(v <= l.max() * (1 + tol))) {
                return (l.angle() ? "the angle" : "the range") + " CRB bound of target "
                        + scenario.targets().get(l.target()).id() + " (" + v + " > " + l.max() + ")";
            }
        }
        return null;
    }
}
