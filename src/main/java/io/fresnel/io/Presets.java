package io.fresnel.io;

import io.fresnel.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenarios (teaching set-ups and the simulation set-ups of the papers), stored as
 * scenario files under {@code presets/} on the class path and listed in
 * {@code presets/index.properties} in menu order.
 */
public final class Presets {
    private static final String DIR = "/presets/";

    /**
     * One preset.
     *
     * @param file its file name under {@code presets/}
     * @param title its menu title
     */
    public record Preset(String file, String title) {
    }

    private Presets() {
    }

    /** @return every preset, in menu order; the first is the default scenario of the app */
    public static List<Preset> all() {
        List<Preset> out = new ArrayList<>();
        try (InputStream in = Presets.class.getResourceAsStream(DIR + "index.properties")) {
            if (in == null) {
                throw new IllegalStateException("presets/index.properties is missing from the class path");
            }
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
            for (String line : lines) {
                int eq = line.indexOf('=');
                out.add(new Preset(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the preset index", e);
        }
        return List.copyOf(out);
    }

    /**
     * Loads a preset.
     *
     * @param preset one of {@link #all()}
     * @return its scenario
     * @throws ScenarioFormatException when the stored file is invalid (a build error)
     */
    public static Scenario load(Preset preset) throws ScenarioFormatException {
        try (InputStream in = Presets.class.getResourceAsStream(DIR + preset.file())) {
            if (in == null) {
                throw new IllegalStateException("preset " + preset.file() + " is missing from the class path");
            }
            return ScenarioReader.read(in).scenario();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + preset.file(), e);
        }
    }

    /**
     * @param file a preset's file name, e.g. {@code "paper-000-rsma.json"}
     * @return that preset's scenario
     * @throws IllegalStateException when the index has no such preset or it is invalid (a build error)
     */
    public static Scenario byFile(String file) {
        for (Preset p : all()) {
            if (p.file().equals(file)) {
                try {
                    return load(p);
                } catch (ScenarioFormatException e) {
                    throw new IllegalStateException("the preset " + file + " is invalid: " + e.getMessage(), e);
                }
            }
        }
        throw new IllegalStateException("the preset " + file + " is missing from presets/index.properties");
    }

    /** @return the default scenario of the app (the first preset) */
    public static Scenario defaultScenario() {
        try {
            return load(all().get(0));
        } catch (ScenarioFormatException e) {
            throw new IllegalStateException("the default preset is invalid: " + e.getMessage(), e);
        }
    }
}
