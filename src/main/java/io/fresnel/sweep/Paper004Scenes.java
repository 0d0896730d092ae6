package io.fresnel.sweep;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Architecture;
import io.fresnel.model.CommNode;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Target;
import io.fresnel.model.UniformPlanarArray;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scenes of paper 004's figures (Hua, Xu, Zhang, Sec. VI), built as the paper describes them
 * but with smaller arrays: a bistatic pair of n_x x n_y half-wavelength UPAs at f_c = 28 GHz,
 * Tx centred at the origin in the plane z = 0, Rx centred at (0, 0, D_z), exact (spherical) phase
 * and spherical amplitude, P_T = 10 dBm, sensing noise sigma_s^2 = -50 dBm (Q = sigma_s^2 I) and
 * user noise sigma_c^2 = -50 dBm, reflection coefficients b = 1, {@value #SNAPSHOTS} snapshots
 * (the paper's L is not printed). D = s sqrt(n_x^2 + n_y^2) is the aperture, d_nf = 2 D^2 /
 * lambda the near-field distance.
 * <ul>
 *   <li>Sec. VI-A (Fig. 3): n x n arrays, D_z = d_nf / 10, one target collocated with one user
 *       at (0, d, D_z/2); the user has no rate threshold (the paper's P_s is CRB-min without a
 *       communication requirement).</li>
 *   <li>Sec. VI-C (Fig. 6): n_x x n_y arrays, D_z = d_nf / 20 (the paper's 16 x 96 arrays give
 *       its D_z = 2.5371 m), targets at (0, 0, 3D_z/4) and (0, D_z/8, D_z/3), users at
 *       (0, 0, D_z/4) and (0, 0, D_z/2), every user's SINR threshold Gamma (dB) given as
 *       {@code min_rate_bps_hz} = log2(1 + 10^(Gamma/10)).</li>
 * </ul>
 * Draw 0 is that geometry; draw d &gt;= 1 moves every target and user by an offset uniform in
 * [-D_z/20, D_z/20]^3 (a collocated target and user together), seeded by
 * {@link DrawGenerator#drawSeed}.
 */
final class Paper004Scenes {
    /** Carrier frequency (Hz). */
    static final double CARRIER_HZ = 28e9;
    /** Transmit power P_T = 10 dBm (W). */
    static final double POWER_W = 0.01;
    /** sigma_s^2 = sigma_c^2 = -50 dBm (W). */
    static final double NOISE_W = 1e-8;
    /** Sensing snapshots L. */
    static final int SNAPSHOTS = 100;

    private Paper004Scenes() {
    }

    /** @return the wavelength (m) */
    static double wavelength() {
        return Scenario.SPEED_OF_LIGHT_M_S / CARRIER_HZ;
    }

    /**
     * @param nx elements along x
     * @param ny elements along y
     * @param fraction D_z / d_nf: 1/10 in Sec. VI-A, 1/20 in Sec. VI-C
     * @return D_z = fraction 2 D^2 / lambda (m)
     */
    static double dz(int nx, int ny, double fraction) {
        double s = wavelength() / 2;
        double d2 = s * s * ((double) nx * nx + (double) ny * ny);
        return 2 * d2 / wavelength() * fraction;
    }

    /**
     * @param n elements per side of Fig. 3's arrays
     * @return D / sqrt(2) = n s, the unit of the paper's d axis (m)
     */
    static double halfDiagonal(int n) {
        return n * wavelength() / 2;
    }

    /**
     * Fig. 3's scene: the collocated target and user at (0, d, D_z/2).
     *
     * @param n elements per side
     * @param d the offset along y (m)
     * @param draw the draw (0: the paper's geometry)
     * @param seed the sweep's seed
     * @return the scene (no solver block)
     */
    static Scenario collocated(int n, double d, int draw, long seed) {
        double dz = dz(n, n, 0.1);
        Vec3 p = new Vec3(0, d, dz / 2).plus(offset(dz, draw, seed, 0));
        CommNode u = new CommNode("cu", p, NOISE_W, null, null);
        Target t = new Target("t", p, new Complex(1, 0), false, null, null, null);
        return scene("paper 004 Sec. VI-A: collocated target/CU, " + n + "x" + n + " UPA pair", n, n, dz, List.of(u),
                List.of(t));
    }

    /**
     * Fig. 6's scene: two targets, two users with SINR threshold Gamma.
     *
     * @param nx elements along x
     * @param ny elements along y
     * @param gammaDb the SINR threshold (dB)
     * @param draw the draw (0: the paper's geometry)
     * @param seed the sweep's seed
     * @return the scene (no solver block)
     */
    static Scenario multi(int nx, int ny, double gammaDb, int draw, long seed) {
        double dz = dz(nx, ny, 0.05);
        double rate = Math.log1p(Math.pow(10, gammaDb / 10)) / Math.log(2);
        List<Target> targets = List.of(
                new Target("t1", new Vec3(0, 0, 3 * dz / 4).plus(offset(dz, draw, seed, 0)), new Complex(1, 0), false,
                        null, null, null),
                new Target("t2", new Vec3(0, dz / 8, dz / 3).plus(offset(dz, draw, seed, 1)), new Complex(1, 0), false,
                        null, null, null));
        List<CommNode> users = new ArrayList<>();
        users.add(new CommNode("u1", new Vec3(0, 0, dz / 4).plus(offset(dz, draw, seed, 2)), NOISE_W, null, rate));
        users.add(new CommNode("u2", new Vec3(0, 0, dz / 2).plus(offset(dz, draw, seed, 3)), NOISE_W, null, rate));
        return scene("paper 004 Sec. VI-C: 2 targets, 2 users, " + nx + "x" + ny + " UPA pair", nx, ny, dz, users,
                targets);
    }

    private static Scenario scene(String name, int nx, int ny, double dz, List<CommNode> users, List<Target> targets) {
        double s = wavelength() / 2;
        UniformPlanarArray tx = new UniformPlanarArray(nx, ny, s, Vec3.ZERO);
        UniformPlanarArray rx = new UniformPlanarArray(nx, ny, s, new Vec3(0, 0, dz));
        Propagation prop = new Propagation(PhaseModel.EXACT, AmplitudeModel.SPHERICAL, null);
        return new Scenario(name, 3, CARRIER_HZ, Scenario.SPEED_OF_LIGHT_M_S, prop, tx, rx, POWER_W,
                Architecture.DIGITAL, new Sensing(SNAPSHOTS, NOISE_W), users, List.of(), targets, List.of(), null,
                (SolverSpec) null);
    }

    /**
     * @param dz D_z (m)
     * @param draw the draw (0: no offset)
     * @param seed the sweep's seed
     * @param node which node of the scene (each draws its own offset)
     * @return the node's offset, uniform in [-D_z/20, D_z/20]^3 (m)
     */
    private static Vec3 offset(double dz, int draw, long seed, int node) {
        if (draw == 0) {
            return Vec3.ZERO;
        }
        SplittableRandom r = new SplittableRandom(DrawGenerator.drawSeed(seed, draw));
        double h = dz / 20;
        double[] v = new double[3 * (node + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = h * (2 * r.nextDouble() - 1);
        }
        return new Vec3(v[3 * node], v[3 * node + 1], v[3 * node + 2]);
    }
}
