package io.fresnel.figure;

import io.fresnel.io.Provenance;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.model.Scenario;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance an exported figure carries in its metadata (PNG tEXt/iTXt chunks, SVG
 * {@code <metadata>}, PDF document information): the application and its version
 * ({@link Provenance#version()}), the title, the scenario's name and SHA-256, the design and its
 * status, and the time of export (UTC, seconds). Every field but the title and the time may be
 * null when it does not apply (a sweep has no single design). Immutable.
 *
 * <p>The scenario's SHA-256 is of the bytes it names: the command line hashes the scenario file
 * it read; the window hashes the scenario as {@code Save As} would write it at the time of export
 * ({@link #sha256(Scenario)}), so saving it and running {@code sha256sum} gives the same value.
 *
 * @param title what the figure shows
 * @param scenarioName the scenario's name, or null
 * @param scenarioSha256 lower-case hex SHA-256 of the scenario, or null
 * @param design the design (algorithm) or designs, or null
 * @param status the design's status (e.g. {@code converged}), or null
 * @param created the time of export
 */
public record FigureMetadata(String title, String scenarioName, String scenarioSha256, String design,
        String status, Instant created) {

    /** @throws IllegalArgumentException when the title or time is missing */
    public FigureMetadata {
        if (title == null || created == null) {
            throw new IllegalArgumentException("a figure needs a title and a time");
        }
    }

    /**
     * Provenance stamped now.
     *
     * @param title what the figure shows
     * @param scenarioName the scenario's name, or null
     * @param scenarioSha256 its SHA-256, or null
     * @param design the design, or null
     * @param status its status, or null
     * @return the metadata, created now (truncated to seconds)
     */
    public static FigureMetadata now(String title, String scenarioName, String scenarioSha256, String design,
            String status) {
        return new FigureMetadata(title, scenarioName, scenarioSha256, design, status,
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /** @return "Fresnel " and the version */
    public String software() {
        return "Fresnel " + Provenance.version();
    }

    /**
     * The fields in a fixed order, the keys as they appear in every format; null fields left out.
     *
     * @return e.g. {@code Title}, {@code Software}, {@code Creation Time}, {@code Scenario},
     *     {@code Scenario SHA-256}, {@code Design}, {@code Design status}
     */
    public Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Title", title);
        m.put("Software", software());
        m.put("Creation Time", created.toString());
        putIf(m, "Scenario", scenarioName);
        putIf(m, "Scenario SHA-256", scenarioSha256);
        putIf(m, "Design", design);
        putIf(m, "Design status", status);
        return m;
    }

    /**
     * @return one line for a figure's footer, e.g. {@code Fresnel 0.1.0 | 2026-12-02T10:00:00Z | mrt: optimal |
     *     scenario SHA-256 3f2a...} (the scenario's name is in the title)
     */
    public String line() {
        StringBuilder b = new StringBuilder(software()).append(" | ").append(created);
        if (design != null) {
            b.append(" | ").append(design).append(status == null ? "" : ": " + status);
        }
        if (scenarioSha256 != null) {
            b.append(" | scenario SHA-256 ").append(scenarioSha256, 0, Math.min(16, scenarioSha256.length()))
                    .append('\u2026');
        }
        return b.toString();
    }

    /**
     * @param s a scenario
     * @return the SHA-256 of the scenario as {@link ScenarioWriter} writes it (UTF-8), lower-case hex
     */
    public static String sha256(Scenario s) {
        return sha256(ScenarioWriter.write(s).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes any bytes (a scenario file)
     * @return their SHA-256, lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder b = new StringBuilder(64);
            for (byte x : d) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void putIf(Map<String, String> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
