package io.fresnel.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node icons of {@code icons/}: single-path SVG files on a 24 x 24 view box, read once and
 * drawn by the scene as vector paths (so they stay sharp at every zoom).
 */
public final class Icons {
    private static final Pattern PATH = Pattern.compile("<path[^>]*\\sfill=\"(#[0-9a-fA-F]{6})\"[^>]*\\sd=\"([^\"]+)\"");

    /**
     * One icon.
     *
     * @param svgPath the path data (SVG "d" syntax) in a 24 x 24 box
     * @param fill its colour, "#rrggbb"
     */
    public record Icon(String svgPath, String fill) {
    }

    /** The user icon. */
    public static final Icon USER = load("user");
    /** The eavesdropper icon. */
    public static final Icon EAVESDROPPER = load("eavesdropper");
    /** The target icon. */
    public static final Icon TARGET = load("target");
    /** The mark added to a target that eavesdrops. */
    public static final Icon EAVESDROPPING_MARK = load("eavesdropping-mark");
    /** The sensing-eavesdropper icon. */
    public static final Icon SENSING_EAVESDROPPER = load("sensing-eavesdropper");
    /** The application icon. */
    public static final Icon APP = load("fresnel");

    private Icons() {
    }

    /**
     * Reads {@code icons/NAME.svg} from the class path.
     *
     * @param name the file name without extension
     * @return its path and colour
     */
    public static Icon load(String name) {
        try (InputStream in = Icons.class.getResourceAsStream("/icons/" + name + ".svg")) {
            if (in == null) {
                throw new IllegalStateException("icons/" + name + ".svg is missing from the class path");
            }
            String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = PATH.matcher(svg);
            if (!m.find()) {
                throw new IllegalStateException("icons/" + name + ".svg has no <path fill=... d=...>");
            }
            return new Icon(m.group(2), m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read icons/" + name + ".svg", e);
        }
    }
}
