package io.fresnel.render;

import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;

/**
 * The {@code --plane} argument of {@code render}: an axis-aligned plane {@code x=C}, {@code y=C}
 * or {@code z=C} (C in metres; {@link Plane#parse}), or {@code broadside:NODE_ID}, the broadside
 * plane of the transmit array through its centre and the node ({@link SlicePlanes#broadside}, the
 * window's "broadside through" slice). A broadside plane depends on the scenario, so it is parsed
 * first (before the scenario is read) and resolved on the scenario afterwards. Its coordinates
 * (u, v) are metres along the plane's orthonormal axes e_u, e_v from the array centre: for a
 * planar array e_u runs across the array normal towards the node and e_v along the normal, for a
 * line array e_u runs along the array axis and e_v across it towards the node. Immutable.
 */
public final class PlaneArgument {
    /** The prefix of the broadside form. */
    public static final String BROADSIDE = "broadside:";

    private final Plane axisAligned;
    private final String node;

    private PlaneArgument(Plane axisAligned, String node) {
        this.axisAligned = axisAligned;
        this.node = node;
    }

    /**
     * @param text {@code x=C}, {@code y=C}, {@code z=C} or {@code broadside:NODE_ID}
     * @return the argument
     * @throws IllegalArgumentException with a one-line message naming {@code --plane} and the
     *     accepted forms
     */
    public static PlaneArgument parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, BROADSIDE, 0, BROADSIDE.length())) {
            String id = t.substring(BROADSIDE.length()).strip();
            if (id.isEmpty()) {
                throw new IllegalArgumentException("--plane \"" + text + "\": broadside needs a node id, e.g."
                        + " broadside:t1 (a user, eavesdropper or target)");
            }
            return new PlaneArgument(null, id);
        }
        try {
            return new PlaneArgument(Plane.parse(t), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--plane: " + e.getMessage() + "; or broadside:NODE_ID", e);
        }
    }

    /**
     * @param plane a plane shown in the window
     * @param s the scenario it was computed for
     * @return the argument that gives exactly this plane on {@code s}: the plane itself when
     *     axis-aligned, {@code broadside:ID} when it is {@code s}'s broadside plane through node
     *     ID, else null (no command-line form)
     */
    public static String of(Plane plane, Scenario s) {
        if (plane.isAxisAligned()) {
            return plane.toString();
        }
        String name = plane.toString();
        String prefix = "broadside ";
        if (name == null || !name.startsWith(prefix)) {
            return null;
        }
        String id = name.substring(prefix.length());
        try {
            return SlicePlanes.broadside(s, id).equals(plane) ? BROADSIDE + id : null;
        } catch (IllegalArgumentException e) {
            return null; // no such node any more
        }
    }

    /** @return whether the plane depends on the scenario (the broadside form) */
    public boolean isBroadside() {
        return node != null;
    }

    /**
     * @param s the scenario
     * @return the plane on this scenario
     * @throws IllegalArgumentException naming {@code --plane} when the broadside node is not in it
     */
    public Plane resolve(Scenario s) {
        if (node == null) {
            return axisAligned;
        }
        if (ScenarioEdits.kindOf(s, node).isEmpty()) {
            throw new IllegalArgumentException("--plane " + BROADSIDE + node + ": no user, eavesdropper or target \""
                    + node + "\" in the scenario");
        }
        return SlicePlanes.broadside(s, node);
    }

    @Override
    public String toString() {
        return node != null ? BROADSIDE + node : axisAligned.toString();
    }
}
