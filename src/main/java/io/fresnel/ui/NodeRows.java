package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.io.ScenarioPatch;
import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.Link;
import io.fresnel.model.NodeKind;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.Target;
import io.fresnel.ui.FieldRow.Option;
import io.fresnel.ui.FieldText.Unit;
import java.util.ArrayList;
import java.util.List;

/**
 * The editor rows of one node: the selected user, eavesdropper or target (id, position, noise,
 * rate requirement, line-of-sight gain, scatterers, explicit channel, reflection, eavesdropping,
 * angle prior), and every sensing eavesdropper (id, target, reflection, noise, snapshots, array).
 * Complex numbers are shown as magnitude in dB (20 log10 |z|) and phase in degrees.
 */
final class NodeRows {
    private static final JsonNodeFactory J = JsonNodeFactory.instance;
    /** Standard deviation of a new angle prior (rad): 2 degrees. */
    static final double NEW_PRIOR_SIGMA_RAD = Math.toRadians(2);

    private NodeRows() {
    }

    /**
     * @param s the scenario
     * @param tree its file form
     * @param id the selected node
     * @param e applies the edits
     * @return its rows (empty when no user, eavesdropper or target has the id)
     */
    static List<FieldRow> selected(Scenario s, JsonNode tree, String id, SheetEdits e) {
        List<FieldRow> rows = new ArrayList<>();
        if (id == null || ScenarioEdits.kindOf(s, id).isEmpty()) {
            return rows;
        }
        NodeKind kind = ScenarioEdits.kindOf(s, id).orElseThrow();
        String cat = kind.label() + " " + id;
        String path = NodePaths.of(s, id).orElseThrow();
        rows.add(FieldRow.text(cat, "Id", "unique across all nodes; streams and sensing eavesdroppers follow a rename",
                path + ".id", () -> id, t -> e.change("renamed " + id, path + ".id",
                        root -> ScenarioPatch.put(root, path + ".id", t.isEmpty() ? null : J.textNode(t))), ""));
        String[] axes = {"x", "y", "z"};
        for (int k = 0; k < s.dimension(); k++) {
            rows.add(ScenarioRows.number(cat, axes[k], "position", path + ".position_m[" + k + "]", tree,
                    Unit.si("m"), e, ""));
        }
        Vec3 p = ScenarioEdits.position(s, id);
        Vec3 o = s.referencePoint();
        rows.add(FieldRow.fixed(cat, "range r (m)", "distance from the reference point",
                () -> FieldText.format(p.distance(o))));
        rows.add(FieldRow.fixed(cat, "angle \u03b8 (deg)", s.dimension() == 2
                ? "from +x towards +y about the reference point"
                : "from the transmit array's broadside, in the broadside plane through the node (0 on the axis of a"
                        + " planar array)", () -> FieldText.format(Math.toDegrees(BroadsideAngle.of(s, p).thetaRad()))));
        Link link;
        if (kind == NodeKind.TARGET) {
            Target t = s.targets().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            complex(cat, "reflection", "beta, the round-trip reflection coefficient", path + ".reflection",
                    t.reflection(), e, rows);
            rows.add(FieldRow.flag(cat, "Eavesdrops", "whether the target also overhears the streams (needs a noise)",
                    path + ".eavesdropper", () -> Boolean.toString(t.eavesdropper()), v -> e.change(id
                            + " eavesdropping", path, root -> eavesdrops(root, path, Boolean.parseBoolean(v)))));
            rows.add(ScenarioRows.number(cat, "Noise", "receiver noise when it eavesdrops", path + ".noise_w", tree,
                    Unit.DBM, e, "none"));
            prior(cat, path, t, s, p.distance(o), Math.atan2(p.y() - o.y(), p.x() - o.x()), tree, e, rows);
            link = t.link();
        } else {
            var n = (kind == NodeKind.USER ? s.users() : s.eavesdroppers()).stream().filter(x -> x.id().equals(id))
                    .findFirst().orElseThrow();
            rows.add(ScenarioRows.number(cat, "Noise", "receiver noise power", path + ".noise_w", tree, Unit.DBM, e,
                    ""));
            if (kind == NodeKind.USER) {
                rows.add(ScenarioRows.number(cat, "Min rate", "rate requirement (bit/s/Hz); the designs turn it into"
                        + " the SINR constraint 2^rate - 1", path + ".min_rate_bps_hz", tree, Unit.si("bit/s/Hz"), e,
                        "none"));
            }
            link = n.link();
        }
        link(cat, path, link, s, tree, p, e, rows);
        return rows;
    }

    /** Sets whether a target eavesdrops; it then needs a noise power, which the node noise gives. */
    private static void eavesdrops(ObjectNode root, String path, boolean on) {
        ScenarioPatch.put(root, path + ".eavesdropper", J.booleanNode(on));
        if (on && ScenarioPatch.get(root, path + ".noise_w") == null) {
            ScenarioPatch.put(root, path + ".noise_w", J.numberNode(ScenarioEdits.DEFAULT_NOISE_W));
        }
    }

    private static void link(String cat, String path, Link link, Scenario s, JsonNode tree, Vec3 p, SheetEdits e,
            List<FieldRow> rows) {
        if (link.channel() != null) {
            rows.add(FieldRow.choice(cat, "Channel", "an explicit channel row replaces the geometry", path + ".channel",
                    List.of(new Option("explicit", "explicit (" + link.channel().size() + " entries, from the file)"),
                            new Option("geometric", "geometric (gain and scatterers)")), () -> "explicit",
                    k -> e.change("channel of " + path, path + ".channel",
                            root -> ScenarioPatch.put(root, path + ".channel", null))));
            return;
        }
        complex(cat, "gain", "line-of-sight gain g; empty for the default (lambda / (4 pi r) with unit amplitude, 1"
                + " with spherical)", path + ".gain", link.gain(), e, rows);
        List<Scatterer> sc = link.scatterers();
        rows.add(FieldRow.text(cat, "Scatterers", "number of extra paths; a new one is placed 1 m from the node along"
                + " y with half the line-of-sight amplitude", path + ".scatterers", () -> Integer.toString(sc.size()),
                t -> e.text("scatterers of " + path, path + ".scatterers", x -> scatterers(x, path, sc, s, p), t),
                "0"));
        for (int j = 0; j < sc.size(); j++) {
            String sp = path + ".scatterers[" + j + "]";
            rows.add(ScenarioRows.point(cat, "Scatterer " + (j + 1) + " position", "q_l", sp + ".position_m", tree, e,
                    ""));
            complex(cat, "scatterer " + (j + 1) + " gain", "g_l of the path through q_l", sp + ".gain",
                    sc.get(j).gain(), e, rows);
        }
    }

    /** @return the scatterer list with n entries: the first ones kept, new ones placed by default */
    private static JsonNode scatterers(String text, String path, List<Scatterer> sc, Scenario s, Vec3 p) {
        JsonNode count = FieldText.value(text.isBlank() ? "0" : text, Unit.NONE, path);
        if (!count.canConvertToExactIntegral() || count.asLong() < 0 || count.asLong() > Scenario.MAX_NODES) {
            throw new IllegalArgumentException(path + ": give a whole number of scatterers in [0, "
                    + Scenario.MAX_NODES + "] (got \"" + text.trim() + "\")");
        }
        int n = count.asInt();
        if (n == 0) {
            return null;
        }
        ArrayNode list = J.arrayNode();
        for (int j = 0; j < n; j++) {
            ObjectNode so = list.addObject();
            if (j < sc.size()) {
                Scatterer x = sc.get(j);
                so.set("position_m", J.arrayNode(3).add(x.positionM().x()).add(x.positionM().y())
                        .add(x.positionM().z()));
                so.set("gain", J.arrayNode(2).add(x.gain().re()).add(x.gain().im()));
            } else {
                Vec3 q = p.plus(new Vec3(0, 1.0 * (j - sc.size() + 1), 0));
                double r = Math.max(q.distance(s.referencePoint()), s.wavelengthM());
                double g = s.propagation().amplitude() == AmplitudeModel.SPHERICAL ? 0.5
                        : 0.5 * s.wavelengthM() / (4 * Math.PI * r);
                so.set("position_m", J.arrayNode(3).add(q.x()).add(q.y()).add(q.z()));
                so.set("gain", J.arrayNode(2).add(g).add(0.0));
            }
        }
        return list;
    }

    /** Two rows of a complex number: |z| in dB and arg z in degrees; empty |z| removes an optional one. */
    static void complex(String cat, String label, String description, String path, Complex z, SheetEdits e,
            List<FieldRow> rows) {
        rows.add(FieldRow.text(cat, "|" + label + "| (dB)", description + "; 20 log10 |z|", path,
                () -> z == null || z.abs() == 0 ? "" : FieldText.format(20 * Math.log10(z.abs())),
                t -> e.text(label, path, x -> {
                    if (x.isBlank()) {
                        return null;
                    }
                    double mag = Math.pow(10, FieldText.number(x, path) / 20);
                    double phase = z == null ? 0 : Math.atan2(z.im(), z.re());
                    return complex(mag, phase, path);
                }, t), z == null ? "default" : ""));
        if (z != null) {
            rows.add(FieldRow.text(cat, "arg " + label + " (deg)", "phase of " + label, path,
                    () -> FieldText.format(Math.toDegrees(Math.atan2(z.im(), z.re()))),
                    t -> e.text("phase of " + label, path, x -> complex(z.abs(),
                            Math.toRadians(FieldText.number(x, path)), path), t), ""));
        }
    }

    private static JsonNode complex(double mag, double phase, String path) {
        double re = mag * Math.cos(phase);
        double im = mag * Math.sin(phase);
        if (!Double.isFinite(re) || !Double.isFinite(im)) {
            throw new IllegalArgumentException(path + ": the magnitude is out of range");
        }
        return J.arrayNode(2).add(re).add(im);
    }

    private static void prior(String cat, String path, Target t, Scenario s, double range, double angle,
            JsonNode tree, SheetEdits e, List<FieldRow> rows) {
        if (s.dimension() != 2) {
            return;
        }
        String pp = path + ".prior";
        rows.add(FieldRow.choice(cat, "Angle prior", "a Gaussian mixture over the angle at a known range (paper 001)",
                pp, List.of(new Option("none", "none"), new Option("mixture", "Gaussian mixture")),
                () -> t.prior() == null ? "none" : "mixture", k -> e.change("prior of " + t.id(), pp, root -> {
                    if (k.equals("none")) {
                        ScenarioPatch.put(root, pp, null);
                    } else {
                        ObjectNode prior = J.objectNode();
                        prior.set("angles_rad", J.arrayNode().add(angle));
                        prior.set("probabilities", J.arrayNode().add(1.0));
                        prior.put("sigma_rad", NEW_PRIOR_SIGMA_RAD);
                        prior.put("range_m", range);
                        ScenarioPatch.put(root, pp, prior);
                    }
                })));
        if (t.prior() == null) {
            return;
        }
        rows.add(FieldRow.text(cat, "Prior angles (deg)", "the means theta_k of the mixture; another number of"
                + " angles gives them equal probabilities", pp + ".angles_rad",
                () -> FieldText.show(t.prior().anglesRad(), Unit.DEG), x -> priorAngles(x, pp, t, e), ""));
        rows.add(FieldRow.text(cat, "Prior probabilities", "the weights p_k, one per angle, summing to 1",
                pp + ".probabilities", () -> FieldText.show(t.prior().probabilities(), Unit.NONE),
                x -> e.text("prior probabilities", pp + ".probabilities",
                        v -> FieldText.list(FieldText.numbers(v, Unit.NONE, pp + ".probabilities")), x), ""));
        rows.add(ScenarioRows.number(cat, "Prior \u03c3", "standard deviation of each component", pp + ".sigma_rad",
                tree, Unit.DEG, e, ""));
        rows.add(ScenarioRows.number(cat, "Prior range", "the known range r0", pp + ".range_m", tree, Unit.si("m"), e,
                ""));
    }

    /** Sets the prior's angles; when their number changes, the probabilities become equal (1 / K each). */
    private static void priorAngles(String text, String pp, Target t, SheetEdits e) {
        List<Double> angles;
        try {
            angles = FieldText.numbers(text, Unit.DEG, pp + ".angles_rad");
        } catch (IllegalArgumentException ex) {
            e.apply("prior angles", () -> {
                throw ex;
            });
            return;
        }
        e.change("prior angles", pp + ".angles_rad", root -> {
            ScenarioPatch.put(root, pp + ".angles_rad", FieldText.list(angles));
            if (angles.size() != t.prior().anglesRad().size() && !angles.isEmpty()) {
                List<Double> equal = new ArrayList<>();
                angles.forEach(a -> equal.add(1.0 / angles.size()));
                ScenarioPatch.put(root, pp + ".probabilities", FieldText.list(equal));
            }
        });
    }

    /**
     * @param s the scenario
     * @param tree its file form
     * @param e applies the edits
     * @return the rows of every sensing eavesdropper
     */
    static List<FieldRow> sensingEavesdroppers(Scenario s, JsonNode tree, SheetEdits e) {
        List<FieldRow> rows = new ArrayList<>();
        List<Option> targets = s.targets().stream().map(t -> new Option(t.id(), t.id())).toList();
        for (int i = 0; i < s.sensingEavesdroppers().size(); i++) {
            SensingEavesdropper se = s.sensingEavesdroppers().get(i);
            String path = "sensing_eavesdroppers[" + i + "]";
            String cat = "Sensing eavesdropper " + se.id();
            rows.add(FieldRow.text(cat, "Id", "unique across all nodes", path + ".id", se::id,
                    t -> e.change("renamed " + se.id(), path + ".id",
                            root -> ScenarioPatch.put(root, path + ".id", t.isEmpty() ? null : J.textNode(t))), ""));
            rows.add(ScenarioRows.word(cat, "Listens to", "the target whose angle it estimates", path + ".target",
                    tree, targets, e));
            complex(cat, "reflection", "beta_e, the target-to-eavesdropper echo gain", path + ".reflection",
                    se.reflection(), e, rows);
            rows.add(ScenarioRows.number(cat, "Noise", "noise per antenna", path + ".noise_w", tree, Unit.DBM, e, ""));
            rows.add(ScenarioRows.number(cat, "Snapshots L", "number of snapshots", path + ".snapshots", tree,
                    Unit.NONE, e, ""));
            ScenarioRows.array(cat, path + ".array", "its", se.array(), s, tree, e, rows);
        }
        return rows;
    }
}
