package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import strata.intake.CsvText;

/** Every cell Utf8Builder writes equals the JDK's text for the same value; a prefix checks nothing is overwritten. */
class Utf8BuilderProperties {

  private static String written(java.util.function.Consumer<Utf8Builder> cell) {
    Utf8Builder b = new Utf8Builder(4);
    b.ascii("x,");
    cell.accept(b);
    b.ascii(",y");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      b.writeTo(out);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    String s = out.toString(StandardCharsets.UTF_8);
    assertThat(s).startsWith("x,").endsWith(",y");
    return s.substring(2, s.length() - 2);
  }

  @Property
  void numbersAreLongToString(@ForAll long any, @ForAll @LongRange(min = -1000, max = 1_000_000_000L) long usual) {
    assertThat(written(b -> b.number(any))).isEqualTo(Long.toString(any));
    assertThat(written(b -> b.number(usual))).isEqualTo(Long.toString(usual));
  }

  @Property
  void centsAreTheirDecimalValue(@ForAll long any, @ForAll @LongRange(min = -100_000, max = 1_000_000_000L) long usual) {
    assertThat(written(b -> b.cents(any))).isEqualTo(BigDecimal.valueOf(any, 2).toPlainString());
    assertThat(written(b -> b.cents(usual))).isEqualTo(BigDecimal.valueOf(usual, 2).toPlainString());
  }

  @Property
  void fixedRoundsHalfUpAfterScaling(@ForAll @DoubleRange(min = -10, max = 2e6) double v,
      @ForAll @IntRange(min = 1, max = 3) int decimals) {
    double scale = Math.pow(10, decimals);
    assertThat(written(b -> b.fixed(v, decimals)))
        .isEqualTo(BigDecimal.valueOf(Math.round(v * scale), decimals).toPlainString());
  }

  @Example
  void fixedWritesEveryDecimalAndNothingForNaN() {
    assertThat(written(b -> b.fixed(0, 3))).isEqualTo("0.000");
    assertThat(written(b -> b.fixed(0.0005, 3))).isEqualTo("0.001");
    assertThat(written(b -> b.fixed(99999.99, 1))).isEqualTo("100000.0");
    assertThat(written(b -> b.fixed(Double.NaN, 1))).isEmpty();
  }

  @Property
  void datesAreLocalDateToString(@ForAll @IntRange(min = -800_000, max = 3_000_000) int epochDay) {
    assertThat(written(b -> b.date(epochDay))).isEqualTo(LocalDate.ofEpochDay(epochDay).toString());
  }

  @Property
  void textIsCsvTextInUtf8(@ForAll String s) {
    StringBuilder sb = new StringBuilder();
    CsvText.appendText(sb, s);
    assertThat(written(b -> b.text(s))).isEqualTo(new String(sb.toString().getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8));
  }
}
