package io.fresnel.cli;

import io.fresnel.figure.FigureFiles;
import io.fresnel.figure.FigureFormat;
import io.fresnel.figure.FigureMetadata;
import io.fresnel.figure.FigureSize;
import io.fresnel.io.AtomicFiles;
import io.fresnel.metrics.ProblemTooLargeException;
import io.fresnel.design.DesignException;
import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.DisplayScale;
import io.fresnel.render.Field;
import io.fresnel.render.FieldComputer;
import io.fresnel.render.FieldCsv;
import io.fresnel.render.GridSpec;
import io.fresnel.render.HeatmapFigure;
import io.fresnel.render.Layer;
import io.fresnel.render.Plane;
import io.fresnel.render.PlaneArgument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fresnel render SCENARIO.json --layer L --grid NUxNV --extent U0,U1,V0,V1 [--plane z=0|broadside:NODE]
 * --out map.png|map.svg|map.pdf [--csv grid.csv] [--size WxH] [--dpi D] [--no-legend]}
 * (SCENARIO.md section 5, docs/figures.md): computes one layer on a grid and writes the heatmap
 * figure in the format the extension of {@code --out} names (PNG for any other extension) and
 * the grid values as CSV in SI units, by default beside the figure ({@code map.csv}). The figure
 * carries its provenance (version, the scenario file's SHA-256, the design and its status, the
 * date) in its metadata. Every argument is checked before anything is computed, and both files
 * are written atomically only when everything succeeded; a rejected argument (including an absurd
 * {@code --size} or {@code --dpi}), a layer that does not apply or an output that cannot be
 * written exits with status 2 and leaves no file.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a heatmap (beampattern, stream pattern, SINR, secrecy, PEB or MUSIC spectrum) of a"
                + " scenario.")
public final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO.json", description = "the scenario file")
    private Path file;

    @Option(names = "--layer", required = true, paramLabel = "LAYER",
            description = "beampattern, stream:I (0-based), sinr:USER, secrecy:USER[:EAVESDROPPER], peb:TARGET or"
                    + " music[:SEED]")
    private String layerText;

    @Option(names = "--grid", required = true, paramLabel = "NUxNV",
            description = "points along the plane's u and v axes, e.g. 400x300")
    private String gridText;

    @Option(names = "--extent", required = true, paramLabel = "U0,U1,V0,V1",
            description = "the plotted rectangle in metres along u and v (x and y for z=0)")
    private String extentText;

    @Option(names = "--plane", defaultValue = "z=0", paramLabel = "AXIS=C|broadside:NODE",
            description = "the cut plane: z=C (u,v = x,y), y=C (x,z), x=C (y,z), or broadside:NODE, the plane through"
                    + " the transmit array's centre, the node and the array's broadside (u,v in m from the array"
                    + " centre: planar array: u across its normal towards the node, v along the normal; line array:"
                    + " u along its axis, v across it towards the node); default ${DEFAULT-VALUE}")
    private String planeText;

    @Option(names = "--out", required = true, paramLabel = "MAP.png|MAP.svg|MAP.pdf",
            description = "the figure to write; the extension chooses the format (.svg, .pdf; PNG otherwise)")
    private Path out;

    @Option(names = "--csv", paramLabel = "GRID.csv", description = "where to write x_m,y_m,z_m,value per point (SI);"
            + " default: beside the figure, its name with .csv")
    private Path csv;

    @Option(names = "--size", paramLabel = "WxH", description = "figure size in pixels at --dpi (the physical size is"
            + " W/dpi x H/dpi inches); default: fitted to the extent's aspect")
    private String sizeText;

    @Option(names = "--dpi", paramLabel = "D", defaultValue = "96",
            description = "pixels per inch (PNG resolution; fonts keep their size in points); default ${DEFAULT-VALUE}")
    private int dpi;

    @Option(names = "--no-legend", description = "leave out the legend of the markers")
    private boolean noLegend;

    @Option(names = "--colormap", defaultValue = "viridis", paramLabel = "NAME",
            description = "viridis, magma, cividis or grayscale; default ${DEFAULT-VALUE}")
    private String colormapText;

    @Option(names = "--range", paramLabel = "LO,HI", description = "colour range in display units (dBm, dB,"
            + " bit/s/Hz, or log10 m for PEB)")
    private String rangeText;

    @Option(names = "--dynamic-range", paramLabel = "DB", description = "colour range of dB layers: this many dB"
            + " below the maximum (default 40)")
    private Double dynamicRangeDb;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        Layer layer;
        GridSpec grid;
        PlaneArgument planeArg;
        Colormap map;
        double[] range;
        FigureSize size;
        try {
            layer = Layer.parse(layerText);
            planeArg = PlaneArgument.parse(planeText);
            int[] n = gridSize(gridText);
            double[] e = numbers("--extent", extentText, 4);
            // a broadside plane needs the scenario: the grid is checked on z = 0 and placed on it below
            grid = new GridSpec(planeArg.isBroadside() ? Plane.Z0 : planeArg.resolve(null), e[0], e[1], e[2], e[3],
                    n[0], n[1]);
            map = Colormap.fromKey(colormapText);
            range = rangeText == null ? null : numbers("--range", rangeText, 2);
            if (range != null && dynamicRangeDb != null) {
                throw new IllegalArgumentException("give either --range or --dynamic-range, not both");
            }
            if (range != null && !(range[0] < range[1])) {
                throw new IllegalArgumentException("--range must be increasing (got " + rangeText + ")");
            }
            if (dynamicRangeDb != null && !DisplayScale.of(layer).isDecibel()) {
                throw new IllegalArgumentException("--dynamic-range applies to dB layers (beampattern, stream, sinr,"
                        + " music);"
                        + " use --range for " + layer.key());
            }
            size = figureSize(grid, !noLegend);
            if (out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                throw new IllegalArgumentException("--out " + out + ": the figure must be .png, .svg or .pdf (the data"
                        + " CSV is written beside it; --csv names another place)");
            }
        } catch (IllegalArgumentException e) {
            return reject(err, e.getMessage());
        }
        Scenario scenario = ScenarioInput.load(file, err);
        if (scenario == null) {
            return FresnelCommand.REJECTED;
        }
        if (planeArg.isBroadside()) {
            try {
                grid = new GridSpec(planeArg.resolve(scenario), grid.u0(), grid.u1(), grid.v0(), grid.v1(), grid.nu(),
                        grid.nv());
            } catch (IllegalArgumentException e) {
                return reject(err, e.getMessage());
            }
        }
        Path data = csv != null ? csv : FigureFormat.csvBeside(out);
        String sha;
        try {
            AtomicFiles.checkWritable(out, data);
            sha = FigureMetadata.sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            return reject(err, e.getMessage());
        }
        String design = "precoder in the file";
        String status = null;
        if (scenario.precoder() == null && scenario.solver() != null) {
            try {
                DesignFirst.Designed d = DesignFirst.designed(scenario, "render", err);
                scenario = d.scenario();
                design = d.design();
                status = d.status();
            } catch (DesignException | IllegalArgumentException e) {
                return reject(err, file + ": the scenario has no precoder and its solver block could not design one: "
                        + e.getMessage());
            }
        }
        Field field;
        try {
            field = FieldComputer.compute(scenario, layer, grid, CommandDeadline.cancelled());
        } catch (IllegalArgumentException | ProblemTooLargeException e) {
            return reject(err, file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("fresnel: render: interrupted");
            return FresnelCommand.INTERNAL_ERROR;
        }
        DisplayScale scale = DisplayScale.of(layer);
        double[] shown;
        try {
            shown = range != null ? range
                    : dynamicRangeDb != null ? scale.rangeBelowMax(field, dynamicRangeDb) : scale.defaultRange(field);
        } catch (IllegalArgumentException e) {
            return reject(err, e.getMessage());
        }
        FigureMetadata meta = FigureMetadata.now(HeatmapFigure.title(field, scenario), scenario.name(), sha, design,
                status);
        HeatmapFigure figure = new HeatmapFigure(field, scale, shown[0], shown[1], map, scenario, !noLegend, meta);
        List<AtomicFiles.Entry> files = FigureFiles.entries(out, figure, size, meta, w -> FieldCsv.write(field, w),
                data);
        try {
            AtomicFiles.writeAll(files);
        } catch (IOException e) {
            return reject(err, e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "render: %s on %dx%d points of %s; colour range %s .. %s (%s); wrote %s (%s, %s) and"
                + " %s%n", layer.key(), grid.nu(), grid.nv(), grid.plane(), scale.formatTick(shown[0], 0.1),
                scale.formatTick(shown[1], 0.1), scale.label(), out, FigureFormat.ofFile(out), size, data);
        return FresnelCommand.OK;
    }

    /** The figure's size from --size and --dpi, or the natural size of the grid at --dpi. */
    private FigureSize figureSize(GridSpec grid, boolean legend) {
        try {
            if (sizeText != null) {
                return FigureSize.parse(sizeText, dpi);
            }
            double[] natural = HeatmapFigure.naturalSize(grid, legend);
            return FigureSize.ofLayout(natural[0], natural[1], dpi);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((sizeText != null ? "--size " + sizeText + " --dpi " + dpi : "--dpi " + dpi)
                    + ": " + e.getMessage(), e);
        }
    }

    private static int reject(PrintWriter err, String message) {
        err.println("fresnel: render: rejected: " + message);
        return FresnelCommand.REJECTED;
    }

    /** Parses NUxNV. */
    private static int[] gridSize(String text) {
        String[] p = text.toLowerCase(Locale.ROOT).split("x", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("--grid \"" + text + "\" is not of the form NUxNV (e.g. 400x300)");
        }
        try {
            return new int[] {Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip())};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--grid \"" + text + "\": the point counts must be whole numbers", e);
        }
    }

    /** Parses exactly {@code count} comma-separated finite numbers. */
    private static double[] numbers(String option, String text, int count) {
        String[] p = text.split(",", -1);
        if (p.length != count) {
            throw new IllegalArgumentException(option + " \"" + text + "\" needs " + count
                    + " comma-separated numbers");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(p[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " \"" + text + "\": \"" + p[i] + "\" is not a number", e);
            }
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException(option + " \"" + text + "\": every number must be finite");
            }
        }
        return out;
    }
}
