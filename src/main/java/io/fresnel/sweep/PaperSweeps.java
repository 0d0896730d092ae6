package io.fresnel.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The registry of {@link PaperSweep}s by paper number. Paper 000 is not listed: its figures are
 * the command's built-in {@link SweepRunner} sweep.
 */
public final class PaperSweeps {
    private static final List<PaperSweep> ALL = List.of(new Paper001Sweep(), new Paper002Sweep(), new SpebSweep(),
            new Paper004Sweep());

    private PaperSweeps() {
    }

    /** @return every registered paper sweep (immutable) */
    public static List<PaperSweep> all() {
        return ALL;
    }

    /**
     * @param paper a paper number as given to {@code --paper} ("3" and "003" name the same paper)
     * @return its sweep
     * @throws IllegalArgumentException naming the papers that have figures when there is none
     */
    public static PaperSweep byPaper(String paper) {
        String key = normalise(paper);
        for (PaperSweep p : ALL) {
            if (p.paper().equals(key)) {
                return p;
            }
        }
        List<String> known = new ArrayList<>(List.of("000"));
        ALL.forEach(p -> known.add(p.paper()));
        throw new IllegalArgumentException("--paper " + paper + ": no figures for that paper (known: "
                + String.join(", ", known) + ")");
    }

    /**
     * @param paper a paper number, with or without leading zeros
     * @return its three-digit form, e.g. {@code "003"}
     * @throws IllegalArgumentException when it is not a number from 0 to 999
     */
    public static String normalise(String paper) {
        String p = paper == null ? "" : paper.strip();
        if (!p.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("--paper must be a paper number such as 000 or 3 (got \"" + paper
                    + "\")");
        }
        return String.format(Locale.ROOT, "%03d", Integer.parseInt(p));
    }
}
