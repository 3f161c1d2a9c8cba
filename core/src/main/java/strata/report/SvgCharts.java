package strata.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Inline SVG charts for the HTML report: static pictures that render without JavaScript, print
 * cleanly and scale to the page width. Every chart carries a {@code <title>} for screen readers;
 * every bar, cell and point carries its own {@code <title>}, which browsers show as a tooltip.
 * Labels come from data and are escaped; labels too long for their place are shortened with an
 * ellipsis and keep their full text in the tooltip.
 *
 * <p>Elements carry stable CSS classes ({@code bar}, {@code cell}, {@code legend-step}, {@code
 * point}, {@code series}, {@code value-label}) so pages can style them and tests can find them.
 *
 * <p>Colours come from {@link #PALETTE}, the Okabe–Ito palette that stays distinguishable under
 * the common forms of colour blindness; line series also differ by dash and marker shape so they
 * survive black-and-white printing.
 */
public final class SvgCharts {

  /** Okabe–Ito colours, most distinct first: blue, vermillion, bluish green, orange, sky blue... */
  public static final List<String> PALETTE = List.of(
      "#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#F0E442", "#000000");

  /**
   * One bar or funnel stage.
   *
   * @param label category name shown beside the bar (escaped; may be long or hostile)
   * @param value the bar's length in the chart's units; must be finite
   * @param valueLabel text shown at the bar's end, e.g. {@code "1,234 (12.3%)"}; {@code null}
   *     shows the value as a plain number in the chart's locale
   */
  public record Bar(String label, double value, String valueLabel) {
    public Bar {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("bar '" + label + "' has value " + value
            + "; bar values must be finite numbers");
      }
      label = label == null ? "" : label;
    }
  }

  /**
   * One line of a line chart.
   *
   * @param name shown in the legend
   * @param values one value per x label; {@code NaN} leaves a gap, infinities are rejected
   */
  public record Series(String name, double[] values) {
    public Series {
      Objects.requireNonNull(values, "series values");
      values = values.clone();
      for (double v : values) {
        if (Double.isInfinite(v)) {
          throw new IllegalArgumentException("series '" + name + "' has an infinite value");
        }
      }
      name = name == null ? "" : name;
    }

    @Override
    public double[] values() {
      return values.clone();
    }
  }

  /**
   * A grid of coloured cells. Row 0 is drawn at the top.
   *
   * @param values colour value per cell, {@code [row][column]}; {@code NaN} marks a cell with no
   *     data, drawn grey
   * @param cellLabels text per cell, {@code [row][column]}, {@code "\n"} separates lines (two
   *     fit); {@code null} shows no text
   * @param legendLabel what the colour measures, e.g. "Customers"
   */
  public record HeatMap(String title, String rowAxisLabel, String columnAxisLabel,
      List<String> rowLabels, List<String> columnLabels, double[][] values,
      String[][] cellLabels, String legendLabel) {
    public HeatMap {
      rowLabels = List.copyOf(rowLabels);
      columnLabels = List.copyOf(columnLabels);
      values = copyChecked(values, rowLabels.size(), columnLabels.size());
      cellLabels = cellLabels == null ? null : copyChecked(cellLabels, rowLabels.size(),
          columnLabels.size());
      for (double[] row : values) {
        for (double v : row) {
          if (Double.isInfinite(v)) {
            throw new IllegalArgumentException("heat map '" + title + "' has an infinite value");
          }
        }
      }
    }

    @Override
    public double[][] values() {
      return copyChecked(values, values.length, values.length == 0 ? 0 : values[0].length);
    }

    @Override
    public String[][] cellLabels() {
      return cellLabels == null ? null : copyChecked(cellLabels, cellLabels.length,
          cellLabels.length == 0 ? 0 : cellLabels[0].length);
    }
  }

  private final ReportText text;

  /** Charts whose numbers (axis ticks, default value labels, legend) follow {@code locale}. */
  public SvgCharts(Locale locale) {
    this.text = new ReportText(Objects.requireNonNull(locale, "locale"));
  }

  /**
   * Vertical bars from a zero baseline; negative values hang below it.
   *
   * @return an {@code <svg>} element; with no bars, the empty axes
   */
  public String barChart(String title, String categoryAxisLabel, String valueAxisLabel,
      List<Bar> bars) {
    return BarCharts.vertical(text, title, categoryAxisLabel, valueAxisLabel, filled(bars));
  }

  /**
   * Horizontal bars, one row per bar; suits long category names.
   *
   * @return an {@code <svg>} element; with no bars, the empty axes
   */
  public String horizontalBarChart(String title, String categoryAxisLabel,
      String valueAxisLabel, List<Bar> bars) {
    return BarCharts.horizontal(text, title, categoryAxisLabel, valueAxisLabel, filled(bars));
  }

  /**
   * Stages as centred bars, widths proportional to their values, joined by grey bands.
   *
   * @param valueAxisLabel what the width means, e.g. "Bar width = customers"
   * @throws IllegalArgumentException if a stage value is negative
   */
  public String funnel(String title, String valueAxisLabel, List<Bar> stages) {
    for (Bar stage : stages) {
      if (stage.value() < 0) {
        throw new IllegalArgumentException("funnel stage '" + stage.label() + "' is negative ("
            + stage.value() + "); funnel widths must be zero or more");
      }
    }
    return BarCharts.funnel(text, title, valueAxisLabel, filled(stages));
  }

  /** Cells coloured from light (lowest) to dark blue (highest), with a colour legend below. */
  public String heatMap(HeatMap map) {
    return HeatMapChart.render(text, map);
  }

  /**
   * Lines over categorical x positions, each point labelled with its value: the higher value at an
   * x is labelled above its point, the lower one below, so two series do not overprint.
   *
   * @param xLabels one label per x position
   * @param series one to four series, each with exactly one value per x label
   * @throws IllegalArgumentException if a series has the wrong length or there are too many
   */
  public String lineChart(String title, String xAxisLabel, String yAxisLabel,
      List<String> xLabels, List<Series> series) {
    if (series.isEmpty() || series.size() > LineChart.MAX_SERIES) {
      throw new IllegalArgumentException("a line chart takes 1 to " + LineChart.MAX_SERIES
          + " series, got " + series.size());
    }
    for (Series s : series) {
      if (s.values.length != xLabels.size()) {
        throw new IllegalArgumentException("series '" + s.name() + "' has " + s.values.length
            + " values for " + xLabels.size() + " x labels");
      }
    }
    return LineChart.render(text, title, xAxisLabel, yAxisLabel, List.copyOf(xLabels), series);
  }

  /** Bars with their default value labels filled in, so renderers need not know the locale. */
  private List<Bar> filled(List<Bar> bars) {
    List<Bar> out = new ArrayList<>(bars.size());
    for (Bar bar : bars) {
      out.add(bar.valueLabel() != null ? bar : new Bar(bar.label(), bar.value(), plain(bar.value())));
    }
    return out;
  }

  private String plain(double value) {
    return text.decimal(value);
  }

  private static double[][] copyChecked(double[][] grid, int rows, int columns) {
    checkShape(grid, rows, columns);
    return Arrays.stream(grid).map(double[]::clone).toArray(double[][]::new);
  }

  private static String[][] copyChecked(String[][] grid, int rows, int columns) {
    checkShape(grid, rows, columns);
    return Arrays.stream(grid).map(String[]::clone).toArray(String[][]::new);
  }

  private static void checkShape(Object[] grid, int rows, int columns) {
    Objects.requireNonNull(grid, "heat map values");
    if (grid.length != rows) {
      throw new IllegalArgumentException("heat map has " + grid.length + " rows of values for "
          + rows + " row labels");
    }
    for (int r = 0; r < rows; r++) {
      int length = java.lang.reflect.Array.getLength(Objects.requireNonNull(grid[r],
          "heat map row " + r));
      if (length != columns) {
        throw new IllegalArgumentException("heat map row " + r + " has " + length
            + " cells for " + columns + " column labels");
      }
    }
  }
}
