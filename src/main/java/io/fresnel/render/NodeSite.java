package io.fresnel.render;

import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a node may stand (the checks of SCENARIO.md section 3 that depend on its position):
 * not within {@link Scenario#MIN_ELEMENT_DISTANCE_M} of a transmit or receive element, and not at
 * range 0 from the reference point o when its range is used (a target always; a user or
 * eavesdropper with the Fresnel or far-field phase, or with the default gain lambda/(4 pi r)).
 * Immutable.
 */
final class NodeSite {
    private final double[] ex;
    private final double[] ey;
    private final double[] ez;
    private final Vec3 o;
    private final boolean rangeUsed;
    /** The number of transmit elements, which come first in ex, ey, ez. */
    private final int transmit;

    /**
     * @param scenario the scenario
     * @param target whether the node is a target (its range is always used)
     */
    NodeSite(Scenario scenario, boolean target) {
        List<Vec3> all = new ArrayList<>(scenario.txArray().positions());
        transmit = all.size();
        if (scenario.rxArray() != null) {
            all.addAll(scenario.rxArray().positions());
        }
        ex = new double[all.size()];
        ey = new double[all.size()];
        ez = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            ex[i] = all.get(i).x();
            ey[i] = all.get(i).y();
            ez[i] = all.get(i).z();
        }
        o = scenario.referencePoint();
        rangeUsed = target || scenario.propagation().phase() != PhaseModel.EXACT
                || scenario.propagation().amplitude() == AmplitudeModel.UNIT;
    }

    /**
     * @param x x of p (m)
     * @param y y of p (m)
     * @param z z of p (m)
     * @return whether a node may stand at p
     */
    boolean allows(double x, double y, double z) {
        double min = Scenario.MIN_ELEMENT_DISTANCE_M;
        if (rangeUsed && distance(x - o.x(), y - o.y(), z - o.z()) < min) {
            return false;
        }
        for (int i = 0; i < ex.length; i++) {
            if (distance(x - ex[i], y - ey[i], z - ez[i]) < min) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #allows(double, double, double)} when the distance from p to the nearest transmit
     * element is known already (a sweep computes it): only the range and the receive elements
     * are checked here.
     *
     * @param x x of p (m)
     * @param y y of p (m)
     * @param z z of p (m)
     * @param transmitNearest min_n |p - t_n| over the transmit elements (m)
     * @return whether a node may stand at p
     */
    boolean allows(double x, double y, double z, double transmitNearest) {
        double min = Scenario.MIN_ELEMENT_DISTANCE_M;
        if (!(transmitNearest >= min)) {
            return false;
        }
        if (rangeUsed && distance(x - o.x(), y - o.y(), z - o.z()) < min) {
            return false;
        }
        for (int i = transmit; i < ex.length; i++) {
            if (distance(x - ex[i], y - ey[i], z - ez[i]) < min) {
                return false;
            }
        }
        return true;
    }

    private static double distance(double dx, double dy, double dz) {
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
