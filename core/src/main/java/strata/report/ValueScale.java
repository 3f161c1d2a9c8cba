package strata.report;

/**
 * A linear value axis with round tick steps (1, 2 or 5 times a power of ten) that always includes
 * zero, so bar lengths stay proportional to the values they show.
 *
 * @param min lowest tick, at most 0
 * @param max highest tick, at least 0 and above {@code min}
 * @param step distance between ticks, positive
 */
record ValueScale(double min, double max, double step) {

  private static final int TARGET_TICKS = 5;

  /** The scale covering {@code lowest..highest} and zero; both must be finite. */
  static ValueScale covering(double lowest, double highest) {
    double lo = Math.min(0, lowest);
    double hi = Math.max(0, highest);
    if (hi - lo <= 0) {
      return new ValueScale(0, 1, 1); // all values zero: an empty 0..1 axis, no division by zero
    }
    double step = niceStep((hi - lo) / TARGET_TICKS);
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    return new ValueScale(min == 0 ? 0 : min, max, step);
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalised = raw / magnitude;
    double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  /** Position of {@code value} as a fraction of the axis length, 0 at {@code min}. */
  double fraction(double value) {
    return (value - min) / (max - min);
  }

  /** Tick values from {@code min} to {@code max}; computed by index so steps do not drift. */
  double[] ticks() {
    int count = (int) Math.round((max - min) / step) + 1;
    double[] ticks = new double[count];
    for (int i = 0; i < count; i++) {
      ticks[i] = min + i * step;
    }
    return ticks;
  }
}
