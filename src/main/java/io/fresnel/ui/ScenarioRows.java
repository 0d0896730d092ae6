package io.fresnel.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.io.ScenarioPatch;
import io.fresnel.math.Vec3;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Axis;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Stream;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import io.fresnel.ui.FieldRow.Option;
import io.fresnel.ui.FieldText.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The scenario-wide rows of the editor, one per field of the scenario file
 * (docs/scenario-format.md section 7) outside the nodes: general and propagation, the transmit
 * and receive arrays, the architecture, the radar receiver and the precoder's secrecy shares.
 * Each row shows its field in display units and commits through {@link SheetEdits}. The rows of
 * an array are also those of a sensing eavesdropper's array ({@link #array}).
 */
final class ScenarioRows {
    static final String GENERAL = "Scenario";
    static final String TX = "Transmit array";
    static final String RX = "Receive array";
    static final String HARDWARE = "Architecture and radar";
    static final String PRECODER = "Precoder";
    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    static final List<Option> PHASES = List.of(new Option("exact", "exact (spherical)"),
            new Option("fresnel", "Fresnel (second order)"), new Option("far-field", "far field (plane wave)"));
    static final List<Option> AMPLITUDES = List.of(new Option("unit", "unit (path loss in the gain)"),
            new Option("spherical", "spherical (per element)"));
    static final List<Option> ARCHITECTURES = List.of(new Option("digital", "fully digital"),
            new Option("hybrid-full", "hybrid, fully connected"),
            new Option("hybrid-partial", "hybrid, partially connected"));
    static final List<Option> FORMS = List.of(new Option("ula", "uniform linear (ULA)"),
            new Option("upa", "uniform planar (UPA)"), new Option("positions_m", "element list"));
    static final List<Option> AXES = List.of(new Option("x", "along x"), new Option("y", "along y"),
            new Option("z", "along z"));
    static final List<Option> ANCHORS = List.of(new Option("center_m", "its centre"),
            new Option("first_element_m", "its first element"));
    /** Element lists longer than this are not edited as text (switch the form or edit the file). */
    static final int MAX_LISTED_ELEMENTS = 64;

    private ScenarioRows() {
    }

    /**
     * @param s the scenario
     * @param tree its file form
     * @param e applies the edits
     * @return the rows
     */
    static List<FieldRow> of(Scenario s, JsonNode tree, SheetEdits e) {
        List<FieldRow> rows = new ArrayList<>();
        general(s, tree, e, rows);
        array(TX, "tx_array", "transmit", s.txArray(), s, tree, e, rows);
        receive(s, tree, e, rows);
        hardware(s, tree, e, rows);
        precoder(s, e, rows);
        return rows;
    }

    /** A text row of a number in a unit; empty text removes the field. */
    static FieldRow number(String cat, String name, String description, String path, JsonNode tree, Unit unit,
            SheetEdits e, String prompt) {
        JsonNode v = ScenarioPatch.get(tree, path);
        return FieldRow.text(cat, name + (unit.label().isEmpty() ? "" : " (" + unit.label() + ")"), description, path,
                () -> v == null || !v.isNumber() ? "" : FieldText.show(v.asDouble(), unit),
                t -> e.text(name, path, x -> FieldText.value(x, unit, path), t), prompt);
    }

    /** A choice row that sets the field to the chosen word. */
    static FieldRow word(String cat, String name, String description, String path, JsonNode tree, List<Option> options,
            SheetEdits e) {
        JsonNode v = ScenarioPatch.get(tree, path);
        return FieldRow.choice(cat, name, description, path, options, () -> v == null ? "" : v.asText(),
                k -> e.change(name, path, root -> ScenarioPatch.put(root, path, J.textNode(k))));
    }

    /** A point row "x, y, z" (m); empty text removes the field. */
    static FieldRow point(String cat, String name, String description, String path, JsonNode tree, SheetEdits e,
            String prompt) {
        JsonNode v = ScenarioPatch.get(tree, path);
        Function<String, JsonNode> parse = t -> FieldText.point(t, path);
        return FieldRow.text(cat, name + " (m)", description, path, () -> v == null ? "" : FieldText.show(
                List.of(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble()), Unit.si("m")),
                t -> e.text(name, path, parse, t), prompt);
    }

    private static void general(Scenario s, JsonNode tree, SheetEdits e, List<FieldRow> rows) {
        rows.add(FieldRow.text(GENERAL, "Name", "the scenario's title", "name", () -> s.name() == null ? "" : s.name(),
                t -> e.change("name", "name", root -> ScenarioPatch.put(root, "name", t.isEmpty() ? null
                        : J.textNode(t))), "untitled"));
        rows.add(FieldRow.choice(GENERAL, "Dimension", "2-D: everything in the plane z = 0", "dimension",
                List.of(new Option("2", "2-D (plane z = 0)"), new Option("3", "3-D")),
                () -> Integer.toString(s.dimension()), k -> e.change("dimension", "dimension",
                        root -> root.put("dimension", Integer.parseInt(k)))));
        rows.add(number(GENERAL, "Carrier frequency", "f; the element positions stay fixed", "carrier_frequency_hz",
                tree, Unit.GHZ, e, ""));
        rows.add(FieldRow.fixed(GENERAL, "Wavelength (mm)", "lambda = c / f",
                () -> FieldText.format(s.wavelengthM() * 1e3)));
        rows.add(number(GENERAL, "Propagation speed", "c; empty for the speed of light", "speed_of_light_m_s", tree,
                Unit.si("m/s"), e, "299792458"));
        rows.add(number(GENERAL, "Transmit power", "the power budget P; a precoder in force is rescaled",
                "transmit_power_w", tree, Unit.DBM, e, "none (the designs need it)"));
        rows.add(word(GENERAL, "Phase model", "D_n(p) of the array response (section 2)", "propagation.phase", tree,
                PHASES, e));
        rows.add(word(GENERAL, "Amplitude model", "A_n(p) of the array response (section 2)",
                "propagation.amplitude", tree, AMPLITUDES, e));
        rows.add(point(GENERAL, "Reference point", "o, about which ranges and angles are taken; empty for the"
                + " transmit-array centroid", "propagation.reference_m", tree, e, "centroid of the transmit array"));
    }

    /**
     * The rows of an array object.
     *
     * @param cat the category
     * @param path the array's path, e.g. {@code tx_array}
     * @param role "transmit", "receive", ... for the descriptions
     * @param g the array
     * @param s the scenario
     * @param tree its file form
     * @param e applies the edits
     * @param rows where the rows go
     */
    static void array(String cat, String path, String role, ArrayGeometry g, Scenario s, JsonNode tree, SheetEdits e,
            List<FieldRow> rows) {
        String form = g instanceof UniformLinearArray ? "ula" : g instanceof UniformPlanarArray ? "upa" : "positions_m";
        rows.add(FieldRow.choice(cat, "Form", "how the " + role + " elements are placed", path, FORMS, () -> form,
                k -> e.change(role + " array form", path, root -> ScenarioPatch.put(root, path, form(k, g, s)))));
        rows.add(FieldRow.fixed(cat, "Elements N", "number of " + role + " elements", () -> Integer.toString(g.size())));
        if (g instanceof UniformLinearArray u) {
            String p = path + ".ula.";
            rows.add(number(cat, "Elements", "N; a precoder designed for another N is dropped and re-designed",
                    p + "elements", tree, Unit.NONE, e, ""));
            rows.add(number(cat, "Spacing", "d between neighbouring elements (lambda / 2 = "
                    + FieldText.format(s.wavelengthM() / 2 * 1e3) + " mm)", p + "spacing_m", tree, Unit.MM, e, ""));
            rows.add(word(cat, "Axis", "the direction of the array", p + "axis", tree, AXES, e));
            String anchor = u.centerM() != null ? "center_m" : "first_element_m";
            rows.add(FieldRow.choice(cat, "Placed by", "the element the position below gives", p + "anchor", ANCHORS,
                    () -> anchor, k -> e.change(role + " array anchor", path, root -> reanchor(root, p, k, u))));
            rows.add(point(cat, anchor.equals("center_m") ? "Centre" : "First element", "where the array sits",
                    p + anchor, tree, e, ""));
        } else if (g instanceof UniformPlanarArray) {
            String p = path + ".upa.";
            rows.add(number(cat, "Elements along x", "N_x", p + "elements_x", tree, Unit.NONE, e, ""));
            rows.add(number(cat, "Elements along y", "N_y", p + "elements_y", tree, Unit.NONE, e, ""));
            rows.add(number(cat, "Spacing", "d between neighbouring elements", p + "spacing_m", tree, Unit.MM, e, ""));
            rows.add(point(cat, "Centre", "the array lies in the plane z = centre z", p + "center_m", tree, e, ""));
        } else if (g.size() <= MAX_LISTED_ELEMENTS) {
            String p = path + ".positions_m";
            rows.add(FieldRow.text(cat, "Positions (m)", "x y z of each element, separated by ';'", p,
                    () -> positions(g), t -> e.text(role + " element positions", p, x -> positions(x, p), t), ""));
        } else {
            rows.add(FieldRow.fixed(cat, "Positions", "a long element list is edited in the file, or switch the form",
                    () -> g.size() + " positions from the file"));
        }
    }

    private static void receive(Scenario s, JsonNode tree, SheetEdits e, List<FieldRow> rows) {
        List<Option> forms = new ArrayList<>();
        forms.add(new Option("none", "the transmit array (monostatic)"));
        forms.addAll(FORMS);
        ArrayGeometry rx = s.rxArray();
        String form = rx == null ? "none" : rx instanceof UniformLinearArray ? "ula"
                : rx instanceof UniformPlanarArray ? "upa" : "positions_m";
        rows.add(FieldRow.choice(RX, "Radar receives with", "the echo's receive array", "rx_array", forms, () -> form,
                k -> e.change("receive array", "rx_array", root -> ScenarioPatch.put(root, "rx_array",
                        k.equals("none") ? null : form(k, rx != null ? rx : s.txArray(), s)))));
        if (rx != null) {
            array(RX, "rx_array", "receive", rx, s, tree, e, rows);
        }
    }

    private static void hardware(Scenario s, JsonNode tree, SheetEdits e, List<FieldRow> rows) {
        String kind = s.architecture().kind().key();
        rows.add(FieldRow.choice(HARDWARE, "Transmitter", "fully digital, or hybrid P = F_A F_D", "architecture.kind",
                ARCHITECTURES, () -> kind, k -> e.change("architecture", "architecture", root -> {
                    if (k.equals("digital")) {
                        root.remove("architecture");
                    } else {
                        Integer l = s.architecture().rfChains();
                        ObjectNode a = root.putObject("architecture").put("kind", k);
                        a.put("rf_chains", l != null ? l : Math.max(1, s.users().size()));
                    }
                })));
        if (s.architecture().rfChains() != null) {
            rows.add(number(HARDWARE, "RF chains", "L; partially connected: N must be a multiple of L",
                    "architecture.rf_chains", tree, Unit.NONE, e, ""));
        }
        if (s.sensing() == null) {
            rows.add(FieldRow.choice(HARDWARE, "Radar", "the radar receiver (needed by targets)", "sensing",
                    List.of(new Option("off", "off"), new Option("on", "on")), () -> "off",
                    k -> e.change("radar", "sensing", root -> root.putObject("sensing").put("snapshots", 1)
                            .put("noise_w", ScenarioEdits.DEFAULT_NOISE_W))));
            return;
        }
        rows.add(number(HARDWARE, "Radar snapshots T", "number of snapshots", "sensing.snapshots", tree, Unit.NONE, e,
                ""));
        rows.add(number(HARDWARE, "Radar noise", "sigma^2 per receive antenna", "sensing.noise_w", tree, Unit.DBM, e,
                ""));
    }

    private static void precoder(Scenario s, SheetEdits e, List<FieldRow> rows) {
        Precoder p = s.precoder();
        if (p == null) {
            rows.add(FieldRow.fixed(PRECODER, "Precoder", "designed by the chosen beamformer", () -> "none yet"));
            return;
        }
        List<String> roles = new ArrayList<>();
        for (Stream st : p.streams()) {
            roles.add(st.userId() == null ? st.role().key() : st.role().key() + " " + st.userId());
        }
        rows.add(FieldRow.fixed(PRECODER, "Streams", "the role of each column", () -> String.join(", ", roles)));
        int n = p.effective().rows();
        rows.add(FieldRow.fixed(PRECODER, "Form", "P, or the hybrid factors", () -> p.isHybrid()
                ? "F_A F_D (" + n + " x " + p.analog().cols() + ", " + p.analog().cols() + " x " + p.streams().size()
                        + ")" : "P (" + n + " x " + p.streams().size() + ")"));
        if (p.commonIndex() < 0) {
            return;
        }
        for (var u : s.users()) {
            String path = "precoder.common_secrecy_shares." + u.id();
            Double share = p.commonSecrecyShares() == null ? null : p.commonSecrecyShares().get(u.id());
            rows.add(FieldRow.text(PRECODER, "Common secrecy share of " + u.id(), "its part of the common secrecy"
                    + " rate; empty for max-min water-filling (all empty)", path,
                    () -> share == null ? "" : FieldText.format(share), t -> e.text("secrecy share of " + u.id(), path,
                            x -> FieldText.value(x, Unit.NONE, path), t), "water-filling"));
        }
    }

    /** @return the file form of the array in the chosen form, with the same elements where it can */
    static JsonNode form(String key, ArrayGeometry g, Scenario s) {
        ObjectNode o = J.objectNode();
        Vec3 c = g.centroid();
        double d = g instanceof UniformLinearArray u ? u.spacingM() : g instanceof UniformPlanarArray u
                ? u.spacingM() : s.wavelengthM() / 2;
        switch (key) {
            case "ula" -> {
                Axis axis = g instanceof UniformLinearArray u ? u.axis() : Axis.Y;
                o.putObject("ula").put("elements", g.size()).put("spacing_m", d).put("axis", axis.key())
                        .set("center_m", vec(c));
            }
            case "upa" -> {
                boolean alongX = g instanceof UniformLinearArray u && u.axis() == Axis.X;
                int nx = g instanceof UniformPlanarArray u ? u.elementsX() : alongX ? g.size() : 1;
                int ny = g instanceof UniformPlanarArray u ? u.elementsY() : alongX ? 1 : g.size();
                o.putObject("upa").put("elements_x", nx).put("elements_y", ny).put("spacing_m", d)
                        .set("center_m", vec(c));
            }
            default -> {
                var list = o.putArray("positions_m");
                g.positions().forEach(p -> list.add(vec(p)));
            }
        }
        return o;
    }

    private static JsonNode vec(Vec3 v) {
        return J.arrayNode(3).add(v.x()).add(v.y()).add(v.z());
    }

    /** Places a ULA by the other anchor, keeping every element where it is. */
    private static void reanchor(ObjectNode root, String p, String anchor, UniformLinearArray u) {
        List<Vec3> pos = u.positions();
        Vec3 at = anchor.equals("center_m") ? u.centroid() : pos.get(0);
        ScenarioPatch.put(root, p + "center_m", null);
        ScenarioPatch.put(root, p + "first_element_m", null);
        ScenarioPatch.put(root, p + anchor, vec(at));
    }

    private static String positions(ArrayGeometry g) {
        List<String> out = new ArrayList<>();
        for (Vec3 p : g.positions()) {
            out.add(FieldText.format(p.x()) + " " + FieldText.format(p.y()) + " " + FieldText.format(p.z()));
        }
        return String.join("; ", out);
    }

    private static JsonNode positions(String text, String path) {
        var list = J.arrayNode();
        for (String part : text.split(";")) {
            if (!part.isBlank()) {
                JsonNode p = FieldText.point(part, path);
                list.add(p);
            }
        }
        return list;
    }
}
