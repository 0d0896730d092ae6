package io.fresnel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.fresnel.model.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package structure, checked on the compiled main classes (ArchUnit). Dependencies point one
 * way, from the bottom up:
 *
 * <pre>
 * math &lt;- model &lt;- physics &lt;- metrics &lt;- optim/design &lt;- io &lt;- figure &lt;- render/service/sweep &lt;- bench &lt;- cli/ui &lt;- launcher
 * </pre>
 * ({@code bench}, the benchmarks' measurement code, is used by the command line only.)
 *
 * Each layer may use the layers below it and none beside or above it; each rule below states the
 * reason it exists. The placement of the two packages the short model leaves open:
 * <ul>
 *   <li>{@code math} (complex matrices, vectors, eigen-solvers, fast trigonometry) is the bottom:
 *       plain numerics that know nothing of scenarios, used by every layer;</li>
 *   <li>{@code optim} (the generic cone, SDP and barrier solvers) uses only {@code math}: it
 *       solves programs that {@code design} builds and knows nothing of antennas;</li>
 *   <li>{@code io} (scenario, metrics and result JSON, presets, atomic files) sits above
 *       {@code metrics} and the design API (it writes a {@code DesignResult}) and below
 *       {@code render}, {@code sweep}, {@code cli} and {@code ui}, which read and write files
 *       through it.</li>
 * </ul>
 */
@AnalyzeClasses(packages = "io.fresnel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String MATH = "Math";
    private static final String MODEL = "Model";
    private static final String PHYSICS = "Physics";
    private static final String METRICS = "Metrics";
    private static final String OPTIM = "Optim";
    private static final String DESIGN = "Design";
    private static final String IO = "Io";
    private static final String FIGURE = "Figure";
    private static final String STOCHASTIC = "Stochastic";
    private static final String SCENE = "Scene";
    private static final String LOCALIZE = "Localize";
    private static final String TRADEOFF = "Tradeoff";
    private static final String RENDER = "Render";
    private static final String SERVICE = "Service";
    private static final String SWEEP = "Sweep";
    private static final String BENCH = "Bench";
    private static final String CLI = "Cli";
    private static final String UI = "Ui";
    private static final String LAUNCHER = "Launcher";

    /** What render, service and sweep may use: everything below them. */
    private static final String[] BELOW_THE_WORKERS = {FIGURE, IO, STOCHASTIC, SCENE, LOCALIZE, TRADEOFF, DESIGN, OPTIM,
        METRICS, PHYSICS, MODEL, MATH};
    /** What the front ends may use: the workers and everything below them. */
    private static final String[] BELOW_THE_FRONT_ENDS = {RENDER, SERVICE, SWEEP, FIGURE, IO, STOCHASTIC, SCENE, LOCALIZE,
        TRADEOFF, DESIGN, OPTIM, METRICS, PHYSICS, MODEL, MATH};

    /** The design packages by paper and method (not the API package {@code io.fresnel.design} itself). */
    private static final String DESIGN_SUBPACKAGES = "io.fresnel.design.*..";

    /** Every layer, with only the dependencies between them considered (the JDK and libraries are not layers). */
    private static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer(MATH).definedBy("io.fresnel.math..")
                .layer(MODEL).definedBy("io.fresnel.model..")
                .layer(PHYSICS).definedBy("io.fresnel.physics..")
                .layer(METRICS).definedBy("io.fresnel.metrics..")
                .layer(OPTIM).definedBy("io.fresnel.optim..")
                .layer(DESIGN).definedBy("io.fresnel.design..")
                .layer(IO).definedBy("io.fresnel.io..")
                .layer(FIGURE).definedBy("io.fresnel.figure..")
                .layer(STOCHASTIC).definedBy("io.fresnel.stochastic..")
                .layer(SCENE).definedBy("io.fresnel.scene..")
                .layer(LOCALIZE).definedBy("io.fresnel.localize..")
                .layer(TRADEOFF).definedBy("io.fresnel.tradeoff..")
                .layer(RENDER).definedBy("io.fresnel.render..")
                .layer(SERVICE).definedBy("io.fresnel.service..")
                .layer(SWEEP).definedBy("io.fresnel.sweep..")
                .layer(BENCH).definedBy("io.fresnel.bench..")
                .layer(CLI).definedBy("io.fresnel.cli..")
                .layer(UI).definedBy("io.fresnel.ui..")
                .layer(LAUNCHER).definedBy("io.fresnel");
    }

    @ArchTest
    static final ArchRule everyPackageHasAPlaceInTheLayers = layers().ensureAllClassesAreContainedInArchitecture()
            .because("a new top-level package must be placed in the layering (add it to layers() with the"
                    + " layers it may use) instead of escaping every rule");

    @ArchTest
    static final ArchRule mathUsesNoOtherLayer = layers().whereLayer(MATH).mayNotAccessAnyLayer()
            .because("math is the bottom layer: plain numerics (complex matrices, eigen-solvers, Vec3) that every"
                    + " layer uses and that know nothing of scenarios");

    @ArchTest
    static final ArchRule modelUsesOnlyMath = layers().whereLayer(MODEL).mayOnlyAccessLayers(MATH)
            .because("the model is the immutable description of a scenario (SCENARIO.md section 3); it holds data"
                    + " and validates it, it computes no physics and no metrics");

    @ArchTest
    static final ArchRule physicsUsesOnlyTheModel = layers().whereLayer(PHYSICS).mayOnlyAccessLayers(MODEL, MATH)
            .because("physics is the one physical convention (SCENARIO.md section 1: array responses, channels);"
                    + " it turns a model into channels and must not depend on what is computed from them");

    @ArchTest
    static final ArchRule metricsUseOnlyPhysicsAndTheModel = layers().whereLayer(METRICS)
            .mayOnlyAccessLayers(PHYSICS, MODEL, MATH)
            .because("the metric code judges every design (rates, secrecy, CRBs); it must not know the designs,"
                    + " their solvers or how results are shown, or it could not judge them independently");

    @ArchTest
    static final ArchRule optimUsesOnlyMath = layers().whereLayer(OPTIM).mayOnlyAccessLayers(MATH)
            .because("optim holds generic solvers (cone, SDP, barrier) for the programs the designs build; they"
                    + " are tested on programs of their own and know nothing of antennas or scenarios");

    @ArchTest
    static final ArchRule designsUseOnlyTheLayersBelow = layers().whereLayer(DESIGN)
            .mayOnlyAccessLayers(OPTIM, METRICS, PHYSICS, MODEL, MATH)
            .because("a design turns a scenario into a precoder with the solvers and checks it with the metric"
                    + " code; it must run the same from the window, the command line and a sweep, so it knows"
                    + " none of them and no file format");

    @ArchTest
    static final ArchRule ioUsesOnlyTheDesignApiAndBelow = layers().whereLayer(IO)
            .mayOnlyAccessLayers(DESIGN, METRICS, PHYSICS, MODEL, MATH)
            .because("io reads and writes the file formats (scenario, metrics and result JSON) of what the lower"
                    + " layers compute; render, sweep, the command line and the window all use it, so it must"
                    + " not use them");

    @ArchTest
    static final ArchRule figureFilesUseOnlyIoAndBelow = layers().whereLayer(FIGURE)
            .mayOnlyAccessLayers(IO, DESIGN, METRICS, PHYSICS, MODEL, MATH)
            .because("the figure writers (PNG, SVG, PDF with provenance and data CSV) and the chart exporter draw"
                    + " whatever the heatmaps, the sweeps, the command line and the window hand them; they write"
                    + " through io's atomic files and must not know who draws");

    @ArchTest
    static final ArchRule stochasticAnalysisUsesOnlyTheDesignsAndBelow = layers().whereLayer(STOCHASTIC)
            .mayOnlyAccessLayers(DESIGN, OPTIM, METRICS, PHYSICS, MODEL, MATH)
            .because("paper 002's stochastic analysis (exact and Monte Carlo) builds its per-draw precoder with the"
                    + " design package's beams and serves the command line, the sweeps and the window alike");

    @ArchTest
    static final ArchRule scenesUseOnlyTheMetricsAndBelow = layers().whereLayer(SCENE)
            .mayOnlyAccessLayers(METRICS, PHYSICS, MODEL, MATH)
            .because("paper 003's random scene generator writes ordinary scenarios from the channel model; the"
                    + " command line, the sweeps and the presets use it, so it must not know any of them");

    @ArchTest
    static final ArchRule localisationUsesOnlyTheMetricsAndBelow = layers().whereLayer(LOCALIZE)
            .mayOnlyAccessLayers(METRICS, PHYSICS, MODEL, MATH)
            .because("MUSIC localisation simulates echoes of a given precoder and estimates positions; the render"
                    + " layer (the MUSIC spectrum), the window, the sweeps and the command line use it");

    @ArchTest
    static final ArchRule tradeoffFrontsUseOnlyTheDesignApiAndBelow = layers().whereLayer(TRADEOFF)
            .mayOnlyAccessLayers(DESIGN, METRICS, PHYSICS, MODEL, MATH)
            .because("a tradeoff front re-runs registered designs over a constraint level and judges every point"
                    + " with the metric code; the window and the command line both trace fronts, so it knows"
                    + " neither of them, nor any file format");

    @ArchTest
    static final ArchRule renderUsesOnlyTheLayersBelow = layers().whereLayer(RENDER)
            .mayOnlyAccessLayers(BELOW_THE_WORKERS)
            .because("the field and heatmap computation serves the window and the render command alike; it must"
                    + " not know either of them, nor the solver service or the sweeps beside it");

    @ArchTest
    static final ArchRule servicesUseOnlyTheLayersBelow = layers().whereLayer(SERVICE)
            .mayOnlyAccessLayers(BELOW_THE_WORKERS)
            .because("the background solver services are plain Java (no FX thread) so that they can be tested"
                    + " without a window; they must not know the window, the command line or the sweeps");

    @ArchTest
    static final ArchRule sweepsUseOnlyTheLayersBelow = layers().whereLayer(SWEEP)
            .mayOnlyAccessLayers(BELOW_THE_WORKERS)
            .because("a sweep runs designs over a parameter and writes CSV and figures; the command line drives"
                    + " it, and it must not know the command line, the window or the services beside it");

    @ArchTest
    static final ArchRule benchmarksUseOnlyTheWorkersAndBelow = layers().whereLayer(BENCH)
            .mayOnlyAccessLayers(BELOW_THE_FRONT_ENDS)
            .because("the benchmarks time what the workers and the engine compute (designs, metrics, heatmaps,"
                    + " slices) and print to the writer they are given; the command line's bench command runs"
                    + " them, so they must not know the command line or the window");

    @ArchTest
    static final ArchRule onlyTheCommandLineRunsTheBenchmarks = layers().whereLayer(BENCH)
            .mayOnlyBeAccessedByLayers(CLI)
            .because("measurement code is not part of the engine: only `fresnel bench` runs it (tests may use"
                    + " its deterministic scenes)");

    @ArchTest
    static final ArchRule theCommandLineDoesNotUseTheWindow = layers().whereLayer(CLI)
            .mayOnlyAccessLayers(concat(BELOW_THE_FRONT_ENDS, BENCH))
            .because("the command line runs without a display and without initialising JavaFX, so it must not"
                    + " use the window");

    @ArchTest
    static final ArchRule theWindowDoesNotUseTheCommandLine = layers().whereLayer(UI)
            .mayOnlyAccessLayers(BELOW_THE_FRONT_ENDS)
            .because("the window is a front end beside the command line: what both need lives in a lower layer,"
                    + " not in the other front end");

    @ArchTest
    static final ArchRule theLauncherOnlyChoosesAFrontEnd = layers().whereLayer(LAUNCHER)
            .mayOnlyAccessLayers(CLI, UI)
            .because("io.fresnel.Main only decides between the window and the command line (it is not a JavaFX"
                    + " Application, so the command line never initialises JavaFX); nothing depends on it");

    @ArchTest
    static final ArchRule nothingUsesTheLauncher = layers().whereLayer(LAUNCHER).mayNotBeAccessedByAnyLayer()
            .because("the launcher is the process entry point; a layer that called it would depend on both front"
                    + " ends");

    @ArchTest
    static final ArchRule onlyTheWindowUsesJavafx = noClasses().that().resideOutsideOfPackage("io.fresnel.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
            .because("the engine and the command line run headless (servers, CI, sweeps) without the JavaFX"
                    + " runtime; JavaFX types belong to the window only");

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsToTheStandardStreams = noClasses()
            .that().resideOutsideOfPackages("io.fresnel.cli..")
            .and().doNotHaveFullyQualifiedName(Main.class.getName())
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(Throwable.class, "printStackTrace")
            .because("output on stdout is the command line's contract (JSON, CSV) and must not be polluted;"
                    + " other code reports through results, exceptions, progress listeners or a"
                    + " System.Logger. The one exception is the launcher io.fresnel.Main: it owns the process's"
                    + " streams and hands them to the command line or the window as PrintStream arguments,"
                    + " printing nothing itself");

    @ArchTest
    static final ArchRule paperPackagesDoNotUseEachOther = slices().matching("io.fresnel.design.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(), sharedDesignPackage())
            .ignoreDependency(inDesignPackage("io.fresnel.design.speb"), inDesignPackage("io.fresnel.design.sdr"))
            .because("each paper's designs stand alone so that a reader finds a paper in one package; what two"
                    + " papers share lives in design.common (building blocks) or design.baseline (reference"
                    + " precoders, e.g. paper 004's isotropic check), and the API in io.fresnel.design; one"
                    + " exception: paper 003's digital SPEB step is paper 004's CRB-min SDR program (the SPEB of one"
                    + " 2-D target is its position CRB), so design.speb solves it with design.sdr's programs");

    @ArchTest
    static final ArchRule theCommonBuildingBlocksUseNoDesignPackage = noClasses()
            .that().resideInAPackage("io.fresnel.design.common..")
            .should().dependOnClassesThat(designSubpackageOtherThan("io.fresnel.design.common"))
            .because("design.common holds the blocks every design package may use; if it used one of them,"
                    + " the packages would depend on each other through it");

    @ArchTest
    static final ArchRule theBaselinesUseOnlyTheCommonBlocks = noClasses()
            .that().resideInAPackage("io.fresnel.design.baseline..")
            .should().dependOnClassesThat(designSubpackageOtherThan("io.fresnel.design.baseline",
                    "io.fresnel.design.common"))
            .because("the baselines are the reference every paper's design is compared with and may be built on;"
                    + " they must not depend on a paper's design");

    @ArchTest
    static final ArchRule theDesignApiKnowsNoImplementationButTheRegistry = noClasses()
            .that().resideInAPackage("io.fresnel.design")
            .and().doNotHaveSimpleName("Designs")
            .should().dependOnClassesThat().resideInAPackage(DESIGN_SUBPACKAGES)
            .because("the API (Design, DesignContext, DesignResult, ...) is what the other layers program"
                    + " against; only the registry Designs lists the implementations");

    @ArchTest
    static final ArchRule otherLayersUseDesignsThroughTheApi = noClasses()
            .that().resideOutsideOfPackage("io.fresnel.design..")
            .should().dependOnClassesThat().resideInAPackage(DESIGN_SUBPACKAGES)
            .because("the window, the command line, the services and the sweeps find designs by name in the"
                    + " registry Designs, so a design registered there is available everywhere and none is"
                    + " wired in by hand");

    // --- the rules recognise a violation (classes of this test, in the launcher's package) ---

    /** Prints to stdout outside the command line, uses JavaFX outside the window, and the model from the launcher. */
    static final class Offender {
        static void print(Scenario s) {
            System.out.println(s);
        }

        static Object point() {
            return new javafx.geometry.Point2D(0, 0);
        }

        static void trace(Exception e) {
            e.printStackTrace();
        }
    }

    private static EvaluationResult onOffender(ArchRule rule) {
        JavaClasses offender = new ClassFileImporter().importClasses(List.of(Offender.class, Main.class));
        return rule.evaluate(offender);
    }

    @Test
    void theStreamRuleRecognisesAPrintOutsideTheCommandLine() {
        EvaluationResult r = onOffender(onlyTheCommandLinePrintsToTheStandardStreams);
        assertTrue(r.hasViolation());
        assertTrue(r.getFailureReport().toString().contains("Offender"),
                r.getFailureReport().toString());
        assertTrue(r.getFailureReport().toString().contains("printStackTrace"), r.getFailureReport().toString());
        assertFalse(r.getFailureReport().toString().contains("Main."),
                "the launcher is the stated exception");
    }

    @Test
    void theJavafxRuleRecognisesAJavafxTypeOutsideTheWindow() {
        assertTrue(onOffender(onlyTheWindowUsesJavafx).hasViolation());
    }

    @Test
    void theLayerRulesRecogniseAnUpwardOrSidewaysDependency() {
        assertTrue(onOffender(theLauncherOnlyChoosesAFrontEnd).hasViolation());
    }

    private static String[] concat(String[] layers, String more) {
        String[] all = java.util.Arrays.copyOf(layers, layers.length + 1);
        all[layers.length] = more;
        return all;
    }

    /** @return classes in io.fresnel.design.common or io.fresnel.design.baseline (and below) */
    private static DescribedPredicate<JavaClass> inDesignPackage(String pkg) {
        return DescribedPredicate.describe("reside in " + pkg, c -> inPackage(c, pkg));
    }

    private static DescribedPredicate<JavaClass> sharedDesignPackage() {
        return DescribedPredicate.describe("reside in design.common or design.baseline",
                c -> inPackage(c, "io.fresnel.design.common") || inPackage(c, "io.fresnel.design.baseline"));
    }

    /** @return classes in a design subpackage other than the given ones (and their subpackages) */
    private static DescribedPredicate<JavaClass> designSubpackageOtherThan(String... allowed) {
        return DescribedPredicate.describe("reside in a design subpackage other than " + String.join(", ", allowed),
                c -> {
                    if (!c.getPackageName().startsWith("io.fresnel.design.")) {
                        return false;
                    }
                    for (String a : allowed) {
                        if (inPackage(c, a)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static boolean inPackage(JavaClass c, String pkg) {
        return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }
}
