package io.fresnel.sweep;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.Link;
import io.fresnel.model.Scenario;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One random geometry of a sweep (see {@link DrawGenerator}): the positions of the targets and
 * of the users, in that order.
 *
 * @param index the draw index i (>= 0)
 * @param targetPositionsM the targets' positions (m), one per target of the scenario
 * @param userPositionsM the users' positions (m); user k of the scenario goes to entry k
 */
public record Draw(int index, List<Vec3> targetPositionsM, List<Vec3> userPositionsM) {

    /** Validates and copies. */
    public Draw {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0 (got " + index + ")");
        }
        targetPositionsM = List.copyOf(targetPositionsM);
        userPositionsM = List.copyOf(userPositionsM);
    }

    /**
     * Places this draw's nodes in a scenario.
     * <ul>
     * <li>Users: K = {@code userPositionsM().size()} users. User k copies noise and minimum rate
     *     (and id) from the scenario's user k, or from its last user when k is beyond its list (a
     *     new id {@code u<k+1>} then, made unique); the users keep the default line-of-sight link,
     *     whose gain lambda / (4 pi r) follows the new range.</li>
     * <li>Targets: each keeps its id, noise, eavesdropper flag and reflection phase. Its
     *     reflection magnitude follows the round-trip path loss: paper 000 eq. (5) gives the
     *     sensing channel a complex gain "analogous to the communication channel model", whose
     *     gain (3) falls as 1/r; with the scenario's {@code unit} amplitude model the
     *     coefficient carries that loss (SCENARIO.md section 1), so
     *     beta(r) = beta_base (r_base / r)^2, the radar-equation amplitude
     *     lambda sqrt(sigma) / ((4 pi)^(3/2) r^2) of an unchanged radar cross-section sigma (the
     *     paper-000 preset is that of sigma = 1 m^2 at r = 15 m). With the {@code spherical}
     *     amplitude model the path loss sits in the array responses and beta is kept.</li>
     * <li>Eavesdroppers, sensing eavesdroppers, arrays, power, solver block: unchanged; the
     *     precoder is dropped.</li>
     * </ul>
     *
     * @param s the scenario (not modified); users and targets must use the default
     *     line-of-sight link (no explicit gain, channel or scatterers: those would not follow the
     *     new positions) and targets carry no angle prior
     * @return the scenario with the nodes placed
     * @throws IllegalArgumentException when the scenario does not fit (no user to copy while
     *     users are asked for, another number of targets, a node link or prior as above, a node
     *     on an element); the message names the field
     */
    public Scenario applyTo(Scenario s) {
        Objects.requireNonNull(s, "s");
        if (targetPositionsM.size() != s.targets().size()) {
            throw new IllegalArgumentException("the draw has " + targetPositionsM.size() + " target positions but the"
                    + " scenario has " + s.targets().size() + " targets");
        }
        int k = userPositionsM.size();
        if (k > 0 && s.users().isEmpty()) {
            throw new IllegalArgumentException("users: the base scenario has no user whose noise_w the drawn users"
                    + " could copy");
        }
        Vec3 o = s.referencePoint();
        boolean pathLossInBeta = s.propagation().amplitude() == AmplitudeModel.UNIT;
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < s.targets().size(); i++) {
            Target t = s.targets().get(i);
            checkLink("targets[" + i + "]", t.link());
            if (t.prior() != null) {
                throw new IllegalArgumentException("targets[" + i + "].prior: a drawn target has no fixed angle prior;"
                        + " remove the prior from the base scenario");
            }
            Vec3 p = targetPositionsM.get(i);
            Complex beta = t.reflection();
            if (pathLossInBeta) {
                double ratio = t.positionM().distance(o) / p.distance(o);
                beta = new Complex(beta.re() * ratio * ratio, beta.im() * ratio * ratio);
            }
            targets.add(new Target(t.id(), p, beta, t.eavesdropper(), t.noiseW(), t.link(), null));
        }
        int n = s.users().size();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < Math.min(k, n); i++) {
            used.add(s.users().get(i).id());
        }
        s.eavesdroppers().forEach(e -> used.add(e.id()));
        s.targets().forEach(t -> used.add(t.id()));
        s.sensingEavesdroppers().stream().map(SensingEavesdropper::id).forEach(used::add);
        List<CommNode> users = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int from = Math.min(i, n - 1);
            CommNode template = s.users().get(from);
            checkLink("users[" + from + "]", template.link());
            String id = template.id();
            if (i >= n) {
                id = "u" + (i + 1);
                for (int suffix = 2; used.contains(id); suffix++) {
                    id = "u" + (i + 1) + "_" + suffix;
                }
                used.add(id);
            }
            users.add(new CommNode(id, userPositionsM.get(i), template.noiseW(), Link.LINE_OF_SIGHT,
                    template.minRateBpsHz()));
        }
        return s.withUsersAndTargets(users, targets);
    }

    private static void checkLink(String path, Link link) {
        if (link.gain() != null || link.channel() != null || !link.scatterers().isEmpty()) {
            throw new IllegalArgumentException(path + ": the sweep redraws node positions, so the node must use the"
                    + " default line-of-sight link (no explicit gain, channel or scatterers)");
        }
    }
}
