package io.fresnel.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;

/**
 * Where an exported file came from: the application's name and version (from the build's
 * {@code io/fresnel/version.properties}) and the time of export.
 */
public final class Provenance {
    private static final Properties BUILD = load();

    private Provenance() {
    }

    /**
     * The application's version as the build recorded it.
     *
     * @return e.g. {@code 0.1.0-SNAPSHOT}; never null
     */
    public static String version() {
        return BUILD.getProperty("version", "unknown");
    }

    /**
     * One line naming the application, its version, the time and the scenario.
     *
     * @param scenarioName the scenario's name, or null
     * @return e.g. {@code Fresnel 0.1.0 | 2026-11-29T18:00:00Z | paper 001}
     */
    public static String line(String scenarioName) {
        String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return "Fresnel " + version() + " | " + when + (scenarioName == null ? "" : " | " + scenarioName);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/io/fresnel/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build's version.properties", e);
        }
        return p;
    }
}
