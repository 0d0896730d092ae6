package io.fresnel.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.math.Complex;
import io.fresnel.math.ComplexMatrix;
import io.fresnel.math.Vec3;
import io.fresnel.model.AnglePrior;
import io.fresnel.model.Architecture;
import io.fresnel.model.ArrayGeometry;
import io.fresnel.model.CommNode;
import io.fresnel.model.ExplicitArray;
import io.fresnel.model.Link;
import io.fresnel.model.Precoder;
import io.fresnel.model.Scatterer;
import io.fresnel.model.Scenario;
import io.fresnel.model.SensingEavesdropper;
import io.fresnel.model.SolverSpec;
import io.fresnel.model.Stream;
import io.fresnel.model.Target;
import io.fresnel.model.UniformLinearArray;
import io.fresnel.model.UniformPlanarArray;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link Scenario} as a scenario file ({@code fresnel-scenario/1}, SCENARIO.md
 * section 3) such that {@link ScenarioReader} reads back an equal scenario: generator arrays
 * ({@code ula}, {@code upa}) stay generators, doubles are written with full round-trip precision,
 * complex numbers as {@code [re, im]}, fields that are not set (null) are omitted, and the solver
 * parameters are written back as they were read. The node lists are always written (possibly
 * empty); the architecture only when it is not the default fully digital one. The output is
 * deterministic: writing the same scenario twice gives the same text.
 *
 * <p>The class is stateless and thread-safe.
 */
public final class ScenarioWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioWriter() {
    }

    /**
     * @param scenario the scenario
     * @return the scenario file text (UTF-8 when stored), pretty-printed, ending with a newline
     * @throws IllegalArgumentException if a solver parameter is not a plain JSON value
     *     (String, Number, Boolean, List, Map or null) or is a non-finite number
     */
    public static String write(Scenario scenario) {
        return JsonText.format(toTree(scenario));
    }

    /**
     * Writes the scenario file: first to a temporary file next to the target, then moved over
     * it, so that a failed write never leaves a half-written file behind.
     *
     * @param scenario the scenario
     * @param file the file to create or replace
     * @throws IOException if the file cannot be written
     */
    public static void write(Scenario scenario, Path file) throws IOException {
        byte[] bytes = write(scenario).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /**
     * Writes the scenario file text as UTF-8 to a stream, which is flushed but not closed.
     *
     * @param scenario the scenario
     * @param out the stream
     * @throws IOException if the stream fails
     */
    public static void write(Scenario scenario, OutputStream out) throws IOException {
        out.write(write(scenario).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * @param scenario the scenario
     * @return the JSON tree of the scenario file, keys in the order of SCENARIO.md section 3
     */
    public static ObjectNode toTree(Scenario scenario) {
        ObjectNode o = NODES.objectNode();
        o.put("format", Scenario.FORMAT);
        if (scenario.name() != null) {
            o.put("name", scenario.name());
        }
        o.put("dimension", scenario.dimension());
        o.put("carrier_frequency_hz", scenario.carrierFrequencyHz());
        o.put("speed_of_light_m_s", scenario.speedOfLightMS());
        ObjectNode propagation = o.putObject("propagation");
        propagation.put("phase", scenario.propagation().phase().key());
        propagation.put("amplitude", scenario.propagation().amplitude().key());
        putVec3(propagation, "reference_m", scenario.propagation().referenceM());
        o.set("tx_array", array(scenario.txArray()));
        if (scenario.rxArray() != null) {
            o.set("rx_array", array(scenario.rxArray()));
        }
        putNumber(o, "transmit_power_w", scenario.transmitPowerW());
        if (!Architecture.DIGITAL.equals(scenario.architecture())) {
            ObjectNode a = o.putObject("architecture");
            a.put("kind", scenario.architecture().kind().key());
            if (scenario.architecture().rfChains() != null) {
                a.put("rf_chains", scenario.architecture().rfChains().intValue());
            }
        }
        if (scenario.sensing() != null) {
            ObjectNode s = o.putObject("sensing");
            s.put("snapshots", scenario.sensing().snapshots());
            s.put("noise_w", scenario.sensing().noiseW());
        }
        ArrayNode users = o.putArray("users");
        scenario.users().forEach(u -> users.add(commNode(u)));
        ArrayNode eves = o.putArray("eavesdroppers");
        scenario.eavesdroppers().forEach(e -> eves.add(commNode(e)));
        ArrayNode targets = o.putArray("targets");
        scenario.targets().forEach(t -> targets.add(target(t)));
        ArrayNode sensingEves = o.putArray("sensing_eavesdroppers");
        scenario.sensingEavesdroppers().forEach(s -> sensingEves.add(sensingEavesdropper(s)));
        if (scenario.precoder() != null) {
            o.set("precoder", precoder(scenario.precoder()));
        }
        if (scenario.solver() != null) {
            o.set("solver", solver(scenario.solver()));
        }
        return o;
    }

    private static ObjectNode array(ArrayGeometry g) {
        ObjectNode o = NODES.objectNode();
        if (g instanceof UniformLinearArray) {
            UniformLinearArray u = (UniformLinearArray) g;
            ObjectNode ula = o.putObject("ula");
            ula.put("elements", u.elements());
            ula.put("spacing_m", u.spacingM());
            ula.put("axis", u.axis().key());
            putVec3(ula, "center_m", u.centerM());
            putVec3(ula, "first_element_m", u.firstElementM());
        } else if (g instanceof UniformPlanarArray) {
            UniformPlanarArray u = (UniformPlanarArray) g;
            ObjectNode upa = o.putObject("upa");
            upa.put("elements_x", u.elementsX());
            upa.put("elements_y", u.elementsY());
            upa.put("spacing_m", u.spacingM());
            putVec3(upa, "center_m", u.centerM());
        } else {
            ArrayNode positions = o.putArray("positions_m");
            ((ExplicitArray) g).positions().forEach(p -> positions.add(vec3(p)));
        }
        return o;
    }

    private static ObjectNode commNode(CommNode n) {
        ObjectNode o = NODES.objectNode();
        o.put("id", n.id());
        o.set("position_m", vec3(n.positionM()));
        o.put("noise_w", n.noiseW());
        link(o, n.link());
        putNumber(o, "min_rate_bps_hz", n.minRateBpsHz());
        return o;
    }

    private static void link(ObjectNode o, Link link) {
        if (link.gain() != null) {
            o.set("gain", complex(link.gain()));
        }
        if (link.channel() != null) {
            o.set("channel", vector(link.channel()));
        }
        if (!link.scatterers().isEmpty()) {
            ArrayNode list = o.putArray("scatterers");
            for (Scatterer s : link.scatterers()) {
                ObjectNode so = list.addObject();
                so.set("position_m", vec3(s.positionM()));
                so.set("gain", complex(s.gain()));
            }
        }
    }

    private static ObjectNode target(Target t) {
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        o.set("position_m", vec3(t.positionM()));
        o.set("reflection", complex(t.reflection()));
        o.put("eavesdropper", t.eavesdropper());
        putNumber(o, "noise_w", t.noiseW());
        link(o, t.link());
        if (t.prior() != null) {
            AnglePrior p = t.prior();
            ObjectNode po = o.putObject("prior");
            ArrayNode angles = po.putArray("angles_rad");
            p.anglesRad().forEach(angles::add);
            ArrayNode probabilities = po.putArray("probabilities");
            p.probabilities().forEach(probabilities::add);
            po.put("sigma_rad", p.sigmaRad());
            po.put("range_m", p.rangeM());
        }
        return o;
    }

    private static ObjectNode sensingEavesdropper(SensingEavesdropper s) {
        ObjectNode o = NODES.objectNode();
        o.put("id", s.id());
        o.set("array", array(s.array()));
        o.set("reflection", complex(s.reflection()));
        o.put("noise_w", s.noiseW());
        o.put("snapshots", s.snapshots());
        o.put("target", s.targetId());
        return o;
    }

    private static ObjectNode precoder(Precoder p) {
        ObjectNode o = NODES.objectNode();
        ArrayNode streams = o.putArray("streams");
        for (Stream s : p.streams()) {
            ObjectNode so = streams.addObject();
            so.put("role", s.role().key());
            if (s.userId() != null) {
                so.put("user", s.userId());
            }
        }
        if (p.columns() != null) {
            o.set("columns", matrix(p.columns()));
        }
        if (p.analog() != null) {
            o.set("F_A", matrix(p.analog()));
        }
        if (p.digital() != null) {
            o.set("F_D", matrix(p.digital()));
        }
        if (p.commonSecrecyShares() != null) {
            ObjectNode shares = o.putObject("common_secrecy_shares");
            p.commonSecrecyShares().forEach(shares::put);
        }
        return o;
    }

    private static ObjectNode solver(SolverSpec s) {
        ObjectNode o = NODES.objectNode();
        o.put("algorithm", s.algorithm());
        s.parameters().forEach((k, v) -> o.set(k, plain(v, "solver." + k)));
        return o;
    }

    /** Converts a plain Java value of a solver parameter back to JSON. */
    private static JsonNode plain(Object v, String path) {
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof String) {
            return NODES.textNode((String) v);
        }
        if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return NODES.numberNode(((Number) v).longValue());
        }
        if (v instanceof BigInteger) {
            return NODES.numberNode((BigInteger) v);
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException(path + ": cannot write the non-finite number " + d);
            }
            return NODES.numberNode(d);
        }
        if (v instanceof List) {
            ArrayNode a = NODES.arrayNode();
            List<?> list = (List<?>) v;
            for (int i = 0; i < list.size(); i++) {
                a.add(plain(list.get(i), path + "[" + i + "]"));
            }
            return a;
        }
        if (v instanceof Map) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                String key = String.valueOf(e.getKey());
                o.set(key, plain(e.getValue(), path + "." + key));
            }
            return o;
        }
        throw new IllegalArgumentException(path + ": cannot write a " + v.getClass().getSimpleName()
                + " as JSON (expected String, Number, Boolean, List, Map or null)");
    }

    private static void putNumber(ObjectNode o, String key, Double value) {
        if (value != null) {
            o.put(key, value.doubleValue());
        }
    }

    private static void putVec3(ObjectNode o, String key, Vec3 v) {
        if (v != null) {
            o.set(key, vec3(v));
        }
    }

    private static ArrayNode vec3(Vec3 v) {
        return NODES.arrayNode(3).add(v.x()).add(v.y()).add(v.z());
    }

    private static ArrayNode complex(Complex z) {
        return NODES.arrayNode(2).add(z.re()).add(z.im());
    }

    private static ArrayNode vector(List<Complex> v) {
        ArrayNode a = NODES.arrayNode(v.size());
        v.forEach(z -> a.add(complex(z)));
        return a;
    }

    static ArrayNode matrix(ComplexMatrix m) {
        ArrayNode a = NODES.arrayNode(m.cols());
        for (int c = 0; c < m.cols(); c++) {
            ArrayNode col = a.addArray();
            for (int r = 0; r < m.rows(); r++) {
                col.add(NODES.arrayNode(2).add(m.re(r, c)).add(m.im(r, c)));
            }
        }
        return a;
    }
}
