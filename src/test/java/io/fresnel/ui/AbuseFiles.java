package io.fresnel.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fresnel.io.Presets;
import io.fresnel.io.ScenarioWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: scenario files for the window's abuse tests, written into a temporary folder. */
final class AbuseFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AbuseFiles() {
    }

    /**
     * @param dir where to write
     * @return files the window must reject with a one-line message (and a folder and a missing file)
     * @throws IOException when they cannot be written
     */
    static List<Path> rejected(Path dir) throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{ \"format\": \"fresnel-scenario/1\", ");
        ObjectNode outside = preset("near-vs-far-field.json", dir);
        outside.put("carrier_frequency_hz", 1e-300);
        ObjectNode control = preset("near-vs-far-field.json", dir);
        ((ObjectNode) control.get("users").get(0)).put("noise_w", "1e-12\nfresnel: forged line");
        Path folder = Files.createDirectories(dir.resolve("a-folder.json"));
        return List.of(garbage, write(outside, dir.resolve("outside.json")), write(control, dir.resolve("control.json")),
                folder, dir.resolve("missing.json"), tooManyElements(dir), tooHeavy(dir));
    }

    /**
     * @param dir where to write
     * @return a file beyond the envelope's sizes (65,536 elements, 16,384 users and 16,400
     *     eavesdroppers: its evaluation would be about 2.4e9 multiply-adds)
     * @throws IOException when it cannot be written
     */
    static Path tooHeavy(Path dir) throws IOException {
        return write(withNodes(preset("near-vs-far-field.json", dir), 65_536, 16_384, 16_400),
                dir.resolve("too-heavy.json"));
    }

    /**
     * @param dir where to write
     * @return a file with more elements than the envelope allows (300,000)
     * @throws IOException when it cannot be written
     */
    static Path tooManyElements(Path dir) throws IOException {
        return write(withNodes(preset("near-vs-far-field.json", dir), 300_000, 2, 1), dir.resolve("elements.json"));
    }

    /**
     * @param dir where to write
     * @return a valid but heavy file: 8,192 elements and 64 users (a coarse heatmap is 3.7e9 multiply-adds)
     * @throws IOException when it cannot be written
     */
    static Path heavy(Path dir) throws IOException {
        return write(withNodes(preset("near-vs-far-field.json", dir), 8192, 64, 1), dir.resolve("heavy.json"));
    }

    private static ObjectNode withNodes(ObjectNode s, int elements, int users, int eavesdroppers) {
        ((ObjectNode) s.get("tx_array").get("ula")).put("elements", elements);
        s.remove("precoder");
        s.set("users", nodes("u", users, 4));
        s.set("eavesdroppers", nodes("e", eavesdroppers, 9));
        return s;
    }

    private static ArrayNode nodes(String prefix, int n, double rangeM) {
        ArrayNode a = JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            double th = Math.toRadians(-60 + 120.0 * (i + 0.5) / n);
            ObjectNode node = a.addObject();
            node.put("id", prefix + i);
            node.putArray("position_m").add(rangeM * Math.cos(th)).add(rangeM * Math.sin(th)).add(0.0);
            node.put("noise_w", 4e-12);
        }
        return a;
    }

    private static ObjectNode preset(String file, Path dir) throws IOException {
        Path p = dir.resolve("base-" + file);
        ScenarioWriter.write(Presets.byFile(file), p);
        return (ObjectNode) JSON.readTree(p.toFile());
    }

    private static Path write(ObjectNode tree, Path p) throws IOException {
        JSON.writeValue(p.toFile(), tree);
        return p;
    }
}
