package io.fresnel.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.AmplitudeModel;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Architecture;
import io.fresnel.model.ArchitectureKind;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.Axis;
import io.fresnel.model.CommNode;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Link;
import io.fresnel.model.PhaseModel;
import io.fresnel.model.Precoder;
import io.fresnel.model.Propagation;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import io.fresnel.model.Sensing;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Stream;
import io.fresnel.model.StreamRole;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the JSON tree of a scenario file into a {@link Scenario} (SCENARIO.md section 3). It
 * checks the JSON types and the required fields; the model constructors check values and
 * cross-field rules. One decoder reads one document.
 */
final class ScenarioDecoder {

    private static final String[] ARRAY_FORMS = {"positions_m", "ula", "upa"};

    private final List<JsonFields> registry = new ArrayList<>();

    /**
     * @param root the parsed document
     * @return the validated scenario
     * @throws ScenarioFormatException naming the offending field and the reason
     */
    Scenario decode(JsonNode root) throws ScenarioFormatException {
        JsonFields f = JsonFields.root(root, registry);
        String format = f.string("format");
        if (!Scenario.FORMAT.equals(format)) {
            throw new ScenarioFormatException("format: expected \"" + Scenario.FORMAT + "\" (got \""
                    + JsonValues.abbreviate(format) + "\")");
        }
        String name = f.optionalString("name");
        int dimension = f.wholeNumber("dimension");
        double carrier = f.number("carrier_frequency_hz");
        Double c = f.optionalNumber("speed_of_light_m_s");
        double speed = c == null ? Scenario.SPEED_OF_LIGHT_M_S : c;
        Propagation propagation = propagation(f.object("propagation"));
        ArrayGeometry tx = array(f.object("tx_array"));
        JsonFields rxFields = f.optionalObject("rx_array");
        ArrayGeometry rx = rxFields == null ? null : array(rxFields);
        Double power = f.optionalNumber("transmit_power_w");
        JsonFields archFields = f.optionalObject("architecture");
        Architecture architecture = archFields == null ? null : architecture(archFields);
        JsonFields sensingFields = f.optionalObject("sensing");
        Sensing sensing = sensingFields == null ? null : sensing(sensingFields);
        List<CommNode> users = commNodes(f.objectList("users"));
        List<CommNode> eavesdroppers = commNodes(f.objectList("eavesdroppers"));
        List<Target> targets = new ArrayList<>();
        for (JsonFields t : f.objectList("targets")) {
            targets.add(target(t));
        }
        List<SensingEavesdropper> sensingEves = new ArrayList<>();
        for (JsonFields s : f.objectList("sensing_eavesdroppers")) {
            sensingEves.add(sensingEavesdropper(s));
        }
        JsonFields precoderFields = f.optionalObject("precoder");
        Precoder precoder = precoderFields == null ? null : precoder(precoderFields);
        JsonFields solverFields = f.optionalObject("solver");
        SolverSpec solver = solverFields == null ? null : solver(solverFields);
        return f.build(() -> new Scenario(name, dimension, carrier, speed, propagation, tx, rx, power, architecture,
                sensing, users, eavesdroppers, targets, sensingEves, precoder, solver));
    }

    /** @return one warning per unknown key of the document read by {@link #decode} */
    List<String> warnings() {
        return JsonFields.unknownKeyWarnings(registry);
    }

    private static Propagation propagation(JsonFields f) throws ScenarioFormatException {
        PhaseModel phase = f.choice("phase", PhaseModel::fromKey);
        AmplitudeModel amplitude = f.choice("amplitude", AmplitudeModel::fromKey);
        Vec3 reference = f.optionalVec3("reference_m");
        return f.build(() -> new Propagation(phase, amplitude, reference));
    }

    private static ArrayGeometry array(JsonFields f) throws ScenarioFormatException {
        List<String> forms = new ArrayList<>();
        for (String form : ARRAY_FORMS) {
            if (f.has(form)) {
                forms.add(form);
            }
        }
        if (forms.size() != 1) {
            throw f.error(forms.isEmpty() ? "one of positions_m, ula or upa is required"
                    : "give exactly one of positions_m, ula or upa (got " + String.join(" and ", forms) + ")");
        }
        switch (forms.get(0)) {
            case "positions_m": {
                List<Vec3> positions = f.positions("positions_m");
                return f.build(() -> new ExplicitArray(positions));
            }
            case "ula":
                return ula(f.object("ula"));
            default:
                return upa(f.object("upa"));
        }
    }

    private static UniformLinearArray ula(JsonFields f) throws ScenarioFormatException {
        int elements = f.wholeNumber("elements");
        double spacing = f.number("spacing_m");
        Axis axis = f.choice("axis", Axis::fromKey);
        Vec3 center = f.optionalVec3("center_m");
        Vec3 first = f.optionalVec3("first_element_m");
        return f.build(() -> new UniformLinearArray(elements, spacing, axis, center, first));
    }

    private static UniformPlanarArray upa(JsonFields f) throws ScenarioFormatException {
        int nx = f.wholeNumber("elements_x");
        int ny = f.wholeNumber("elements_y");
        double spacing = f.number("spacing_m");
        Vec3 center = f.vec3("center_m");
        return f.build(() -> new UniformPlanarArray(nx, ny, spacing, center));
    }

    private static Architecture architecture(JsonFields f) throws ScenarioFormatException {
        ArchitectureKind kind = f.choice("kind", ArchitectureKind::fromKey);
        Integer rfChains = f.optionalWholeNumber("rf_chains");
        return f.build(() -> new Architecture(kind, rfChains));
    }

    private static Sensing sensing(JsonFields f) throws ScenarioFormatException {
        int snapshots = f.wholeNumber("snapshots");
        double noise = f.number("noise_w");
        return f.build(() -> new Sensing(snapshots, noise));
    }

    private static List<CommNode> commNodes(List<JsonFields> list) throws ScenarioFormatException {
        List<CommNode> out = new ArrayList<>(list.size());
        for (JsonFields f : list) {
            String id = f.string("id");
            Vec3 position = f.vec3("position_m");
            double noise = f.number("noise_w");
            Link link = link(f);
            Double minRate = f.optionalNumber("min_rate_bps_hz");
            out.add(f.build(() -> new CommNode(id, position, noise, link, minRate)));
        }
        return out;
    }

    /** Reads the link fields (gain, channel, scatterers) that sit in a node's own object. */
    private static Link link(JsonFields f) throws ScenarioFormatException {
        Complex gain = f.optionalComplex("gain");
        List<Complex> channel = f.optionalComplexVector("channel");
        List<Scatterer> scatterers = new ArrayList<>();
        for (JsonFields s : f.objectList("scatterers")) {
            Vec3 position = s.vec3("position_m");
            Complex g = s.complex("gain");
            scatterers.add(s.build(() -> new Scatterer(position, g)));
        }
        return f.build(() -> new Link(gain, channel, scatterers));
    }

    private static Target target(JsonFields f) throws ScenarioFormatException {
        String id = f.string("id");
        Vec3 position = f.vec3("position_m");
        Complex reflection = f.complex("reflection");
        boolean eavesdropper = f.bool("eavesdropper", false);
        Double noise = f.optionalNumber("noise_w");
        Link link = link(f);
        JsonFields priorFields = f.optionalObject("prior");
        AnglePrior prior = priorFields == null ? null : prior(priorFields);
        return f.build(() -> new Target(id, position, reflection, eavesdropper, noise, link, prior));
    }

    private static AnglePrior prior(JsonFields f) throws ScenarioFormatException {
        List<Double> angles = f.numbers("angles_rad");
        List<Double> probabilities = f.numbers("probabilities");
        double sigma = f.number("sigma_rad");
        double range = f.number("range_m");
        return f.build(() -> new AnglePrior(angles, probabilities, sigma, range));
    }

    private static SensingEavesdropper sensingEavesdropper(JsonFields f) throws ScenarioFormatException {
        String id = f.string("id");
        ArrayGeometry array = array(f.object("array"));
        Complex reflection = f.complex("reflection");
        double noise = f.number("noise_w");
        int snapshots = f.wholeNumber("snapshots");
        String target = f.string("target");
        return f.build(() -> new SensingEavesdropper(id, array, reflection, noise, snapshots, target));
    }

    private static Precoder precoder(JsonFields f) throws ScenarioFormatException {
        List<Stream> streams = new ArrayList<>();
        for (JsonFields s : f.requiredObjectList("streams")) {
            StreamRole role = s.choice("role", StreamRole::fromKey);
            String user = s.optionalString("user");
            streams.add(s.build(() -> new Stream(role, user)));
        }
        ComplexMatrix columns = f.optionalMatrix("columns");
        ComplexMatrix analog = f.optionalMatrix("F_A");
        ComplexMatrix digital = f.optionalMatrix("F_D");
        JsonFields sharesFields = f.optionalObject("common_secrecy_shares");
        Map<String, Double> shares = null;
        if (sharesFields != null) {
            sharesFields.acceptAllKeys();
            shares = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : sharesFields.entries()) {
                shares.put(e.getKey(), JsonValues.number(e.getValue(), sharesFields.pathOf(e.getKey())));
            }
        }
        Map<String, Double> finalShares = shares;
        return f.build(() -> new Precoder(streams, columns, analog, digital, finalShares));
    }

    private static SolverSpec solver(JsonFields f) throws ScenarioFormatException {
        String algorithm = f.string("algorithm");
        f.acceptAllKeys();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.entries()) {
            if (!e.getKey().equals("algorithm")) {
                parameters.put(e.getKey(), JsonValues.plain(e.getValue(), f.pathOf(e.getKey())));
            }
        }
        return f.build(() -> new SolverSpec(algorithm, parameters));
    }
}
