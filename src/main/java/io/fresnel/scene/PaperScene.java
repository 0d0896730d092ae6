package io.fresnel.scene;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Architecture;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random scenes of paper 003 (Yuan et al., "Near-field ISAC: SPEB analysis and hybrid
 * beamforming design", section II-A and section VI), written out as ordinary scenarios: every
 * gain and scatterer explicit, so that {@code eval} and {@code solve} reproduce a scene from its
 * file alone.
 *
 * <p>The channel (eqs. (2)-(9)): the exact spherical model ({@code phase: exact}, unit element
 * amplitude) of a ULA on the y axis centred at the origin, p_n = (0, delta_n d),
 * delta_n = (2n - N - 1)/2. User k sits at d_k (cos theta_k, sin theta_k) with theta_k uniform in
 * [-pi/2, pi/2]; its LoS gain is the deterministic 10^(-PL_LoS(d_k)/20) of (58) (which is
 * lambda/(4 pi d_k) of eq. (4) at 28 GHz); its L_k Saleh-Valenzuela NLoS paths (eq. (6)) are
 * scatterers at range r_l uniform in [r_min, r_max] and angle uniform in [-pi/2, pi/2], with gains
 * CN(0, 10^(-0.1 PL_NLoS(d_k))) of (59) (the paper evaluates PL at the user's distance d_k). The
 * target's reflection coefficient is |beta| of (60) with a uniform random phase (ERRATA 003 item 6).
 *
 * <p>Random numbers: one {@link SplittableRandom} seeded with the scene's seed draws the target's
 * phase, then user by user its angle and, per path, the scatterer's angle, range and gain (Re, Im).
 * So user k of a seed is the same whatever the number of users after it.
 */
public final class PaperScene {
    /** Largest user or scatterer angle from broadside (rad): the paper's [-pi/2, pi/2]. */
    public static final double HALF_SECTOR_RAD = Math.PI / 2;

    private PaperScene() {
    }

    /**
     * Generates one scene.
     *
     * @param options the set-up
     * @param seed the scene's seed
     * @return the scenario (no precoder; a solver block naming {@link SceneOptions#algorithm()})
     * @throws IllegalArgumentException when a node falls on an element (impossible with ranges
     *     above the aperture), the message naming it
     */
    public static Scenario generate(SceneOptions options, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double lambda = Scenario.SPEED_OF_LIGHT_M_S / options.carrierHz();
        double phase = 2 * Math.PI * rng.nextDouble();
        double beta = NycPathLoss.reflectionMagnitude(lambda, options.rcsM2(), options.targetM().norm());
        Target target = new Target("t1", options.targetM(), new Complex(beta * Math.cos(phase),
                beta * Math.sin(phase)), false, null, null, null);
        List<CommNode> users = new ArrayList<>();
        double d = options.userRangeM();
        double losGain = Math.sqrt(NycPathLoss.powerGain(NycPathLoss.lineOfSightDb(d)));
        double nlosSigma = Math.sqrt(NycPathLoss.powerGain(NycPathLoss.nonLineOfSightDb(d)) / 2);
        for (int k = 0; k < options.users(); k++) {
            Vec3 p = polar(d, angle(rng));
            List<Scatterer> scatterers = new ArrayList<>();
            for (int l = 0; l < options.nlosPaths(); l++) {
                double a = angle(rng);
                double r = options.scattererRangeMinM()
                        + (options.scattererRangeMaxM() - options.scattererRangeMinM()) * rng.nextDouble();
                double gr = nlosSigma * rng.nextGaussian();
                double gi = nlosSigma * rng.nextGaussian();
                scatterers.add(new Scatterer(polar(r, a), new Complex(gr, gi)));
            }
            users.add(new CommNode("u" + (k + 1), p, options.noiseW(), new Link(Complex.real(losGain), null,
                    scatterers), options.minRateBpsHz()));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        if (options.spebMaxM2() != null) {
            params.put("speb_max_m2", options.spebMaxM2());
        }
        String architecture = options.rfChains() == 0 ? "fully digital" : options.rfChains() + " RF chains";
        return new Scenario(String.format(java.util.Locale.ROOT, "Paper 003 scene: N = %d, %s, K = %d, seed %d",
                options.elements(), architecture, options.users(), seed), 2, options.carrierHz(),
                Scenario.SPEED_OF_LIGHT_M_S, new Propagation(PhaseModel.EXACT, AmplitudeModel.UNIT, null),
                new UniformLinearArray(options.elements(), options.spacingM(), Axis.Y, Vec3.ZERO, null), null,
                options.powerW(), options.rfChains() == 0 ? Architecture.DIGITAL
                        : new Architecture(ArchitectureKind.HYBRID_PARTIAL, options.rfChains()),
                new Sensing(options.snapshots(), options.noiseW()), users, List.of(), List.of(target), List.of(), null,
                new SolverSpec(options.algorithm(), params));
    }

    private static double angle(SplittableRandom rng) {
        return -HALF_SECTOR_RAD + 2 * HALF_SECTOR_RAD * rng.nextDouble();
    }

    private static Vec3 polar(double r, double theta) {
        return new Vec3(r * Math.cos(theta), r * Math.sin(theta), 0);
    }
}
