package io.fresnel.ui;

import io.fresnel.model.Axis;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.render.Plane;
import io.fresnel.render.SlicePlanes;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The cut plane shown by the 2-D canvas and textured in the 3-D view: an axis-aligned plane
 * {normal = offset}, or the broadside plane of the transmit array through a node, which follows
 * the node when it moves ({@link SlicePlanes#broadside}). A 2-D scenario only has z = 0. A new
 * document starts on {@link SlicePlanes#defaultFor} (for a 3-D scenario the plane through the
 * first target, never the array's own plane), and the default plane follows that target when it
 * moves (a drag in 3-D, a typed coordinate, undo) until the user chooses another plane. A refused
 * choice changes nothing and says why in the document's message. Testable without the FX toolkit.
 */
public final class SliceViewModel {

    /**
     * What the user chose.
     *
     * @param normal the normal axis of an axis-aligned plane, or null for a broadside plane
     * @param offsetM the offset of an axis-aligned plane (m)
     * @param nodeId the node of a broadside plane, or null
     * @param followsDefault whether this is the scenario's default plane, recomputed by
     *     {@link SlicePlanes#defaultFor} after every edit (it follows the first target); then
     *     {@code normal} and {@code offsetM} are those of the plane when it was chosen
     */
    public record Choice(Axis normal, double offsetM, String nodeId, boolean followsDefault) {
        /**
         * @param p an axis-aligned plane
         * @return the choice of it, fixed where it is
         */
        static Choice of(Plane p) {
            return new Choice(p.normal(), p.offsetM(), null, false);
        }
    }

    private final ScenarioDocument document;
    private final ReadOnlyObjectWrapper<Choice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyObjectWrapper<Plane> plane = new ReadOnlyObjectWrapper<>(this, "plane", Plane.Z0);

    /** @param document the document whose scenario is cut */
    public SliceViewModel(ScenarioDocument document) {
        this.document = Objects.requireNonNull(document, "document");
        document.generationProperty().addListener((o, a, b) -> reset());
        document.scenarioProperty().addListener((o, a, b) -> follow());
        reset();
    }

    /** @return the plane in force (never null) */
    public ReadOnlyObjectProperty<Plane> planeProperty() {
        return plane.getReadOnlyProperty();
    }

    /** @return the plane in force */
    public Plane getPlane() {
        return plane.get();
    }

    /** @return the user's choice (a broadside plane is recomputed from it as its node moves) */
    public ReadOnlyObjectProperty<Choice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /**
     * Goes back to the scenario's default plane, which then follows the first target (else the
     * first user) as it moves, until another plane is chosen.
     */
    public void reset() {
        Scenario s = document.getScenario();
        if (s != null) {
            Plane p = SlicePlanes.defaultFor(s);
            apply(new Choice(p.normal(), p.offsetM(), null, true));
        }
    }

    /** @return whether the plane in force is the default one, which follows the first target */
    public boolean followsDefault() {
        Choice c = choice.get();
        return c != null && c.followsDefault();
    }

    /**
     * Chooses an axis-aligned plane.
     *
     * @param normal its normal axis
     * @param offsetM its offset along the normal (m)
     * @return whether it was accepted (a 2-D scenario only has z = 0)
     */
    public boolean axisPlane(Axis normal, double offsetM) {
        return apply(new Choice(normal, offsetM, null, false));
    }

    /**
     * Chooses the broadside plane of the transmit array through a node.
     *
     * @param nodeId a user, eavesdropper or target id
     * @return whether it was accepted
     */
    public boolean broadside(String nodeId) {
        return apply(new Choice(null, 0, nodeId, false));
    }

    /**
     * Paper 004's y-z plane through the array centre (eq. (50)): one click.
     *
     * @return whether it was accepted
     */
    public boolean paperYz() {
        Scenario s = document.getScenario();
        return s != null && apply(Choice.of(SlicePlanes.paperYz(s)));
    }

    private boolean apply(Choice c) {
        Scenario s = document.getScenario();
        Plane p;
        try {
            p = resolve(s, c);
        } catch (IllegalArgumentException e) {
            document.report("slice refused: " + e.getMessage());
            return false;
        }
        choice.set(c);
        plane.set(p);
        return true;
    }

    private void follow() {
        Choice c = choice.get();
        Scenario s = document.getScenario();
        if (c == null || s == null) {
            return;
        }
        if (c.followsDefault()) {
            Plane p = SlicePlanes.defaultFor(s);
            if (!p.equals(plane.get())) {
                plane.set(p);
            }
            return;
        }
        if (c.nodeId() == null) {
            return;
        }
        if (ScenarioEdits.kindOf(s, c.nodeId()).isEmpty()) {
            reset();
            return;
        }
        try {
            plane.set(resolve(s, c));
        } catch (IllegalArgumentException e) {
            document.report("slice: " + e.getMessage());
        }
    }

    private static Plane resolve(Scenario s, Choice c) {
        if (c.followsDefault()) {
            return SlicePlanes.defaultFor(s);
        }
        if (c.nodeId() != null) {
            if (s.dimension() == 2) {
                throw new IllegalArgumentException("a 2-D scenario is shown on z = 0 only");
            }
            if (ScenarioEdits.kindOf(s, c.nodeId()).isEmpty()) {
                throw new IllegalArgumentException("\"" + c.nodeId() + "\" is not a node of the scenario");
            }
            return SlicePlanes.broadside(s, c.nodeId());
        }
        Plane p = new Plane(c.normal(), c.offsetM());
        if (s.dimension() == 2 && !Plane.Z0.equals(p)) {
            throw new IllegalArgumentException("a 2-D scenario is shown on z = 0 only");
        }
        return p;
    }
}
