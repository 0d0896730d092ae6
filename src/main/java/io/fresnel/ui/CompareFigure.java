package io.fresnel.ui;

import io.fresnel.figure.CsvData;
import io.fresnel.figure.Drawing;
import io.fresnel.figure.FigureSize;
import io.fresnel.math.Vec3;
import io.fresnel.model.Scenario;
import io.fresnel.render.Colormap;
import io.fresnel.render.DisplayScale;
import io.fresnel.render.Field;
import io.fresnel.render.GridSpec;
import io.fresnel.render.HeatmapFigure;
import io.fresnel.render.Layer;
import java.awt.geom.AffineTransform;
import java.util.function.Supplier;

/**
 * The beamformer comparison as a figure (File &gt; Export figure..., "Comparison A | B"): side by
 * side, design A's and design B's beampatterns (dBm) in two panels on the one colour range of the
 * Compare tab; as a difference map, the ratio A / B in dB on the tab's symmetric range. Each panel
 * is a {@link HeatmapFigure} (axes in metres, colour bar, nodes). The data CSV holds both fields
 * and their ratio at every grid point: {@code x_m,y_m,z_m,a_w,b_w,a_over_b_db} (a value that is
 * not defined, e.g. on an element, is left empty). The provenance names both designs.
 */
final class CompareFigure {
    /** The header of the data CSV. */
    static final String HEADER = "x_m,y_m,z_m,a_w,b_w,a_over_b_db";

    private CompareFigure() {
    }

    /**
     * @param frames the maps on the Compare tab now (null before there are any)
     * @param algorithms the names of designs A and B now
     * @return the figure source
     */
    static FigureSource source(Supplier<CompareMaps.Frames> frames, Supplier<String[]> algorithms) {
        return new FigureSource() {
            @Override
            public String name() {
                return "Comparison A | B";
            }

            @Override
            public Snapshot snapshot(boolean legend) {
                CompareMaps.Frames f = frames.get();
                if (f == null) {
                    throw new IllegalStateException("no comparison yet (open the Compare tab and wait for both maps)");
                }
                String[] names = algorithms.get();
                return snapshotOf(f, names[0], names[1], legend);
            }
        };
    }

    /**
     * @param f the maps
     * @param a design A's name
     * @param b design B's name
     * @param legend whether the panels draw the legend of the markers
     * @return the snapshot (drawn on the export thread)
     */
    static FigureSource.Snapshot snapshotOf(CompareMaps.Frames f, String a, String b, boolean legend) {
        GridSpec grid = f.a().grid();
        Scenario sa = f.request().a();
        Scenario sb = f.request().b();
        String scene = sa.name() == null || sa.name().isBlank() ? "unnamed scenario" : sa.name();
        String where = " on " + grid.plane() + " \u2014 " + scene;
        double[] natural = HeatmapFigure.naturalSize(grid, legend);
        String designs = "A: " + a + "; B: " + b;
        CsvData csv = w -> writeCsv(f.a(), f.b(), w);
        if (f.request().mode() == CompareMaps.Mode.SIDE_BY_SIDE) {
            DisplayScale scale = DisplayScale.of(f.a().layer());
            String title = "Beampatterns of " + a + " (A) and " + b + " (B)" + where;
            return new FigureSource.Snapshot(title, meta -> {
                HeatmapFigure left = new HeatmapFigure(f.a(), scale, f.low(), f.high(), Colormap.VIRIDIS, sa, legend,
                        meta, "A: " + a + where);
                HeatmapFigure right = new HeatmapFigure(f.b(), scale, f.low(), f.high(), Colormap.VIRIDIS, sb,
                        legend, meta, "B: " + b + where);
                return sideBySide(left, right);
            }, csv, FigureSize.ofLayout(2 * natural[0], natural[1], FigureSize.SCREEN_DPI), designs);
        }
        Field ratio = ratio(f.a(), f.b());
        DisplayScale db = new DisplayScale(DisplayScale.Mapping.DB, "A / B (dB)", CompareMaps.MAX_DIFFERENCE_DB);
        String title = a + " / " + b + " (dB)" + where;
        return new FigureSource.Snapshot(title,
                meta -> new HeatmapFigure(ratio, db, f.low(), f.high(), Colormap.CIVIDIS, sa, legend, meta, title),
                csv, FigureSize.ofLayout(natural[0], natural[1], FigureSize.SCREEN_DPI), designs);
    }

    /** Two figures in the left and right halves. */
    private static Drawing sideBySide(Drawing left, Drawing right) {
        return (g, w, h) -> {
            AffineTransform t = g.getTransform();
            left.draw(g, w / 2, h);
            g.translate(w / 2, 0);
            right.draw(g, w / 2, h);
            g.setTransform(t);
        };
    }

    /**
     * @param a design A's beampattern (W)
     * @param b design B's on the same grid (W)
     * @return a / b per point (linear), NaN where either is not a finite positive power
     */
    static Field ratio(Field a, Field b) {
        double[] d = CompareMaps.difference(a, b);
        double[] r = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = Double.isFinite(d[i]) ? a.value(i) / b.value(i) : Double.NaN;
        }
        return new Field(a.grid(), new Layer.Beampattern(), r);
    }

    private static void writeCsv(Field a, Field b, java.io.Writer w) throws java.io.IOException {
        w.write(HEADER);
        w.write('\n');
        GridSpec g = a.grid();
        double[] d = CompareMaps.difference(a, b);
        StringBuilder line = new StringBuilder(128);
        for (int iv = 0; iv < g.nv(); iv++) {
            for (int iu = 0; iu < g.nu(); iu++) {
                int i = g.index(iu, iv);
                Vec3 p = g.plane().point(g.u(iu), g.v(iv));
                line.setLength(0);
                line.append(p.x()).append(',').append(p.y()).append(',').append(p.z());
                for (double v : new double[] {a.value(i), b.value(i), d[i]}) {
                    line.append(',');
                    if (Double.isFinite(v)) {
                        line.append(v);
                    }
                }
                line.append('\n');
                w.append(line);
            }
        }
        w.flush();
    }
}
