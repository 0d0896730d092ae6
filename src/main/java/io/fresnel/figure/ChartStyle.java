package io.fresnel.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * The look every chart of Fresnel shares, fit for a paper: white background, light grey grid
 * lines, one sans-serif family in four sizes ({@link #TITLE} 14, {@link #LABEL} 12,
 * {@link #LEGEND} 11, {@link #TICK} 10 layout units, i.e. 10.5 to 7.5 pt), series in the
 * Okabe-Ito colours ({@link #OKABE_ITO}: told apart with the common colour-vision deficiencies
 * and in grey print) with 1.5-unit lines, and helpers for integer ticks on discrete axes, whole
 * decades on log axes and a readable empty state.
 */
public final class ChartStyle {
    private static final Color[] PALETTE = {new Color(0xD55E00), new Color(0x0072B2), new Color(0x009E73),
        new Color(0xE69F00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000)};
    /** Title font. */
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    /** Axis label and subtitle font. */
    public static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Legend font. */
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Tick label font. */
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Grid line colour. */
    public static final Color GRID = new Color(0xD0, 0xD0, 0xD0);

    private ChartStyle() {
    }

    /**
     * The Okabe-Ito colours: vermillion, blue, bluish green, orange, reddish purple, sky blue,
     * black.
     *
     * @return a copy of the palette
     */
    public static Color[] okabeIto() {
        return PALETTE.clone();
    }

    /**
     * @param i a series index (>= 0)
     * @return its colour, cycling through {@link #okabeIto()}
     */
    public static Color colour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /**
     * Applies the style to a chart: backgrounds, fonts, grid, and the palette and stroke to every
     * series of every renderer of an XY plot.
     *
     * @param chart the chart; modified
     * @return the chart
     */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(TITLE);
            chart.getTitle().setPaint(Color.BLACK);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof LegendTitle legend) {
                legend.setItemFont(LEGEND);
                legend.setBackgroundPaint(Color.WHITE);
                legend.setFrame(BlockBorder.NONE);
            } else if (t instanceof TextTitle text && text.getFont().getSize() > 10) {
                text.setFont(LABEL);
            }
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setNoDataMessageFont(LABEL);
        plot.setNoDataMessagePaint(Color.DARK_GRAY);
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) {
                axis(xy.getDomainAxis(i));
            }
            for (int i = 0; i < xy.getRangeAxisCount(); i++) {
                axis(xy.getRangeAxis(i));
            }
            for (int r = 0; r < xy.getRendererCount(); r++) {
                XYItemRenderer renderer = xy.getRenderer(r);
                if (renderer == null) {
                    continue;
                }
                int n = Math.max(PALETTE.length, xy.getDataset(r) == null ? 0 : xy.getDataset(r).getSeriesCount());
                for (int s = 0; s < n; s++) {
                    renderer.setSeriesPaint(s, colour(s));
                    renderer.setSeriesStroke(s, new BasicStroke(1.5f));
                }
                renderer.setDefaultPaint(colour(0));
            }
        }
        return chart;
    }

    private static void axis(Axis a) {
        if (a == null) {
            return;
        }
        a.setLabelFont(LABEL);
        a.setTickLabelFont(TICK);
        a.setLabelPaint(Color.BLACK);
        a.setTickLabelPaint(Color.BLACK);
    }

    /**
     * Ticks at whole numbers only (iteration counts, indices, numbers of users).
     *
     * @param axis the axis; modified
     */
    public static void integerTicks(NumberAxis axis) {
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    }

    /**
     * Ticks at whole decades only, labelled 10^k, rather than at fractional powers that all print
     * alike ("1E0 1E0 1E0").
     *
     * @param axis the log axis; modified
     */
    public static void decadeTicks(LogAxis axis) {
        axis.setBase(10);
        TickUnits decades = new TickUnits();
        for (int step : new int[] {1, 2, 5, 10, 20, 50, 100}) {
            decades.add(new NumberTickUnit(step, new DecimalFormat("0"), 0));
        }
        axis.setStandardTickUnits(decades);
    }

    /**
     * Sets what an empty chart says in its plot area and keeps its axes from printing ticks of a
     * range that holds no data.
     *
     * @param chart the chart; modified
     * @param message e.g. "no solver run yet"
     */
    public static void emptyMessage(JFreeChart chart, String message) {
        chart.getPlot().setNoDataMessage(message);
    }

    /**
     * Shows or hides the tick labels of an XY chart's axes (hidden while it has no data).
     *
     * @param chart the chart; modified
     * @param hasData whether any series has a point
     */
    public static void ticksFor(JFreeChart chart, boolean hasData) {
        if (chart.getPlot() instanceof XYPlot xy) {
            for (ValueAxis a : new ValueAxis[] {xy.getDomainAxis(), xy.getRangeAxis()}) {
                if (a != null) {
                    a.setTickLabelsVisible(hasData);
                    a.setTickMarksVisible(hasData);
                }
            }
        }
    }
}
