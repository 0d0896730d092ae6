package io.fresnel.cli;

import io.fresnel.io.AtomicFiles;
import io.fresnel.io.ScenarioWriter;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.scene.PaperScene;
import io.fresnel.scene.SceneOptions;
import io.fresnel.sweep.PaperSweeps;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fresnel scene --paper 003 --seed S --out SCENE.json [options]}: writes one seeded random
 * scene of paper 003's simulation set-up ({@link PaperScene}) as an ordinary scenario file
 * (atomically). Every option defaults to the paper's value ({@link SceneOptions#PAPER}); powers
 * are given in dBm at this edge and stored in W. Exit status 2 for a rejected option, naming it.
 */
@Command(name = "scene", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a seeded random scene of a paper's simulation set-up (paper 003: exact spherical ULA,"
                + " Saleh-Valenzuela NLoS paths, NYC path loss) as a scenario file.")
public final class SceneCommand implements Callable<Integer> {

    @Option(names = "--paper", paramLabel = "P", defaultValue = "003",
            description = "the paper whose set-up to draw (only 003; default ${DEFAULT-VALUE})")
    private String paper;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "the scene's seed (default ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--out", required = true, paramLabel = "SCENE.json", description = "the scenario file to write")
    private Path out;

    @Option(names = "--elements", paramLabel = "N", description = "antennas (default 32)")
    private Integer elements;

    @Option(names = "--spacing", paramLabel = "M", description = "element spacing in m (default 0.5/31)")
    private Double spacing;

    @Option(names = "--rf-chains", paramLabel = "R",
            description = "RF chains, dividing N, or 0 for a fully-digital array (default 4)")
    private Integer rfChains;

    @Option(names = "--users", paramLabel = "K", description = "users on the 20 m semicircle (default 2)")
    private Integer users;

    @Option(names = "--nlos", paramLabel = "L", description = "NLoS paths per user (default 3)")
    private Integer nlos;

    @Option(names = "--target", paramLabel = "X,Y", description = "target position in m (default 10,0)")
    private String target;

    @Option(names = "--rcs", paramLabel = "M2", description = "target radar cross-section in m^2 (default 1)")
    private Double rcs;

    @Option(names = "--power-dbm", paramLabel = "P", description = "transmit power in dBm (default 30)")
    private Double powerDbm;

    @Option(names = "--noise-dbm", paramLabel = "S", description = "noise power in dBm (default -90)")
    private Double noiseDbm;

    @Option(names = "--snapshots", paramLabel = "T", description = "sensing snapshots (default 100)")
    private Integer snapshots;

    @Option(names = "--min-rate", paramLabel = "R", description = "every user's rate threshold in bps/Hz (default 5)")
    private Double minRate;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "the solver block's design (default"
            + " speb-min-hybrid)")
    private String algorithm;

    @Option(names = "--speb-max", paramLabel = "M2", description = "the solver block's speb_max_m2 (default: none)")
    private Double spebMax;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Scenario scene;
        try {
            if (!PaperSweeps.normalise(paper).equals("003")) {
                throw new IllegalArgumentException("--paper " + paper + ": scenes exist for paper 003 only");
            }
            scene = PaperScene.generate(options(), seed);
        } catch (IllegalArgumentException e) {
            return reject(e.getMessage());
        }
        try {
            AtomicFiles.checkWritable(out);
            String text = ScenarioWriter.write(scene);
            AtomicFiles.write(out, s -> s.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return reject("--out " + out + ": cannot write the file (" + e + ")");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "scene: %s; wrote %s%n", scene.name(), out);
        return FresnelCommand.OK;
    }

    /** The paper's options with the given ones replaced (dBm converted to W). */
    SceneOptions options() {
        SceneOptions s = SceneOptions.PAPER;
        if (elements != null) {
            s = s.withElements(elements);
        }
        if (spacing != null) {
            s = s.withSpacingM(spacing);
        }
        if (rfChains != null) {
            s = s.withRfChains(rfChains);
        }
        if (users != null) {
            s = s.withUsers(users);
        }
        if (nlos != null) {
            s = s.withNlosPaths(nlos);
        }
        if (target != null) {
            String[] p = target.split(",", -1);
            if (p.length != 2) {
                throw new IllegalArgumentException("--target \"" + target + "\" must be X,Y in metres");
            }
            try {
                s = s.withTargetM(new Vec3(Double.parseDouble(p[0].strip()), Double.parseDouble(p[1].strip()), 0));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--target \"" + target + "\": not a number", e);
            }
        }
        if (rcs != null) {
            s = s.withRcsM2(rcs);
        }
        if (powerDbm != null) {
            s = s.withPowerW(watts("--power-dbm", powerDbm));
        }
        if (noiseDbm != null) {
            s = s.withNoiseW(watts("--noise-dbm", noiseDbm));
        }
        if (snapshots != null) {
            s = s.withSnapshots(snapshots);
        }
        if (minRate != null) {
            s = s.withMinRateBpsHz(minRate);
        }
        if (algorithm != null) {
            s = s.withAlgorithm(algorithm);
        }
        if (spebMax != null) {
            s = s.withSpebMaxM2(spebMax);
        }
        return s;
    }

    private static double watts(String option, double dbm) {
        if (!Double.isFinite(dbm) || Math.abs(dbm) > 300) {
            throw new IllegalArgumentException(option + " must be a finite power in dBm (got " + dbm + ")");
        }
        return 1e-3 * Math.pow(10, dbm / 10);
    }

    private int reject(String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("fresnel: scene: rejected: " + message);
        return FresnelCommand.REJECTED;
    }
}
