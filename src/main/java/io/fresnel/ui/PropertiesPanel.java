package io.fresnel.ui;

import io.fresnel.math.Complex;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.CommNode;
import io.fresnel.model.NodeKind;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Scenario;
import io.fresnel.model.ScenarioEdits;
import io.fresnel.model.Sensing;
import io.fresnel.model.Target;
import java.util.ArrayList;
import java.util.List;
import org.controlsfx.control.PropertySheet;

/**
 * The ControlsFX property sheet of the scenario and the selected node. Values are shown in
 * display units (GHz, dBm, dB, degrees) and converted to SI at this edge; every edit is one
 * undo step through {@link ExplorerViewModel#edit}, and a refused edit changes nothing.
 */
public final class PropertiesPanel extends PropertySheet {
    private static final String SCENARIO = "Scenario";
    private final ExplorerViewModel model;

    /** @param model the window state */
    public PropertiesPanel(ExplorerViewModel model) {
        this.model = model;
        setMode(PropertySheet.Mode.CATEGORY);
        setSearchBoxVisible(false);
        // The selected node's category first, so that it is the one expanded.
        setCategoryComparator((a, b) -> a.equals(b) ? 0 : SCENARIO.equals(a) ? 1 : SCENARIO.equals(b) ? -1
                : a.compareTo(b));
        setId("properties");
        model.scenarioProperty().addListener((o, a, b) -> rebuild());
        model.selectedIdProperty().addListener((o, a, b) -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Scenario s = model.getScenario();
        if (s == null) {
            return;
        }
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(new PropertyItem(SCENARIO, "Carrier frequency (GHz)", "f; the element positions stay fixed",
                Double.class, () -> Units.hzToGhz(s.carrierFrequencyHz()),
                v -> model.edit("carrier frequency", x -> ScenarioEdits.withCarrierFrequency(x,
                        Units.ghzToHz((Double) v)))));
        if (s.transmitPowerW() != null) {
            items.add(new PropertyItem(SCENARIO, "Transmit power (dBm)", "power budget; the precoder is rescaled",
                    Double.class, () -> Units.wattsToDbm(s.transmitPowerW()),
                    v -> model.edit("transmit power", x -> ScenarioEdits.withTransmitPower(x,
                            Units.dbmToWatts((Double) v)))));
        }
        items.add(new PropertyItem(SCENARIO, "Phase model", "exact, Fresnel or far-field", PhaseModel.class,
                () -> s.propagation().phase(), v -> model.edit("phase model",
                        x -> ScenarioEdits.withPropagation(x, (PhaseModel) v, x.propagation().amplitude()))));
        items.add(new PropertyItem(SCENARIO, "Amplitude model", "unit or spherical", AmplitudeModel.class,
                () -> s.propagation().amplitude(), v -> model.edit("amplitude model",
                        x -> ScenarioEdits.withPropagation(x, x.propagation().phase(), (AmplitudeModel) v))));
        items.add(new PropertyItem(SCENARIO, "Transmit elements", "N (read-only here; edit the file)", Integer.class,
                () -> s.txArray().positions().size(), null));
        if (s.sensing() != null) {
            items.add(new PropertyItem(SCENARIO, "Radar snapshots T", "number of snapshots", Integer.class,
                    () -> s.sensing().snapshots(), v -> model.edit("snapshots",
                            x -> ScenarioEdits.withSensing(x, new Sensing((Integer) v, x.sensing().noiseW())))));
            items.add(new PropertyItem(SCENARIO, "Radar noise (dBm)", "sigma^2 per antenna", Double.class,
                    () -> Units.wattsToDbm(s.sensing().noiseW()), v -> model.edit("radar noise",
                            x -> ScenarioEdits.withSensing(x, new Sensing(x.sensing().snapshots(),
                                    Units.dbmToWatts((Double) v))))));
        }
        String id = model.selectedIdProperty().get();
        if (id != null && ScenarioEdits.kindOf(s, id).isPresent()) {
            nodeItems(s, id, items);
        }
        getItems().setAll(items);
    }

    private void nodeItems(Scenario s, String id, List<PropertySheet.Item> items) {
        NodeKind kind = ScenarioEdits.kindOf(s, id).orElseThrow();
        String cat = kind.label() + " " + id;
        Vec3 p = ScenarioEdits.position(s, id);
        items.add(new PropertyItem(cat, "x (m)", "position", Double.class, p::x,
                v -> model.edit("moved " + id, x -> ScenarioEdits.move(x, id, new Vec3((Double) v, p.y(), p.z())))));
        items.add(new PropertyItem(cat, "y (m)", "position", Double.class, p::y,
                v -> model.edit("moved " + id, x -> ScenarioEdits.move(x, id, new Vec3(p.x(), (Double) v, p.z())))));
        if (s.dimension() == 3) {
            items.add(new PropertyItem(cat, "z (m)", "position (height)", Double.class, p::z,
                    v -> model.edit("moved " + id, x -> ScenarioEdits.move(x, id,
                            new Vec3(p.x(), p.y(), (Double) v)))));
        }
        Vec3 o = s.referencePoint();
        items.add(new PropertyItem(cat, "range r (m)", "distance from the reference point", Double.class,
                () -> p.distance(o), null));
        items.add(new PropertyItem(cat, "angle \u03b8 (deg)", "from +x towards +y about the reference point",
                Double.class, () -> Math.toDegrees(Math.atan2(p.y() - o.y(), p.x() - o.x())), null));
        if (kind == NodeKind.TARGET) {
            Target t = s.targets().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            items.add(new PropertyItem(cat, "Eavesdrops", "whether the target also overhears the streams",
                    Boolean.class, t::eavesdropper, v -> model.edit(id + " eavesdropping", x -> ScenarioEdits
                            .replaceTarget(x, id, new Target(id, t.positionM(), t.reflection(), (Boolean) v,
                                    t.noiseW() != null ? t.noiseW() : ScenarioEdits.DEFAULT_NOISE_W, t.link(),
                                    t.prior())))));
            items.add(new PropertyItem(cat, "|reflection| (dB)", "20 log10 |beta| (round trip)", Double.class,
                    () -> 20 * Math.log10(t.reflection().abs()), v -> model.edit(id + " reflection", x -> {
                        double scale = Math.pow(10, (Double) v / 20) / t.reflection().abs();
                        Complex b = new Complex(t.reflection().re() * scale, t.reflection().im() * scale);
                        return ScenarioEdits.replaceTarget(x, id, new Target(id, t.positionM(), b, t.eavesdropper(),
                                t.noiseW(), t.link(), t.prior()));
                    })));
            if (t.noiseW() != null) {
                items.add(new PropertyItem(cat, "Noise (dBm)", "receiver noise when it eavesdrops", Double.class,
                        () -> Units.wattsToDbm(t.noiseW()), v -> model.edit(id + " noise", x -> ScenarioEdits
                                .replaceTarget(x, id, new Target(id, t.positionM(), t.reflection(), t.eavesdropper(),
                                        Units.dbmToWatts((Double) v), t.link(), t.prior())))));
            }
            return;
        }
        CommNode n = (kind == NodeKind.USER ? s.users() : s.eavesdroppers()).stream().filter(x -> x.id().equals(id))
                .findFirst().orElseThrow();
        items.add(new PropertyItem(cat, "Noise (dBm)", "receiver noise power", Double.class,
                () -> Units.wattsToDbm(n.noiseW()), v -> model.edit(id + " noise", x -> ScenarioEdits.replaceNode(x,
                        id, new CommNode(id, n.positionM(), Units.dbmToWatts((Double) v), n.link(),
                                n.minRateBpsHz())))));
        if (kind == NodeKind.USER) {
            items.add(new PropertyItem(cat, "Min rate (bit/s/Hz)", "rate requirement; 0 for none", Double.class,
                    () -> n.minRateBpsHz() == null ? 0.0 : n.minRateBpsHz(), v -> model.edit(id + " minimum rate",
                            x -> ScenarioEdits.replaceNode(x, id, new CommNode(id, n.positionM(), n.noiseW(), n.link(),
                                    (Double) v == 0 ? null : (Double) v)))));
        }
    }
}
