package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The word-at-a-time control check must agree with decoding the id and asking Java about each character. */
class StrictDecoderProperties {
  private static final Charset GB18030 = Charset.forName("GB18030");

  @Property(tries = 3000)
  void findsControlsAsDecodingDoes(@ForAll("ids") String id, @ForAll("offsets") int offset) {
    for (Charset charset : new Charset[] {StandardCharsets.UTF_8, GB18030}) {
      byte[] bytes = id.getBytes(charset);
      // The id sits inside a longer buffer, as a field of a row does, with control bytes on both sides.
      byte[] row = new byte[offset + bytes.length + 9];
      Arrays.fill(row, (byte) 0x01);
      System.arraycopy(bytes, 0, row, offset, bytes.length);
      boolean expected = id.chars().anyMatch(Character::isISOControl);
      assertThat(new StrictDecoder(charset).hasControl(row, offset, offset + bytes.length))
          .as("%s in %s", id.chars().mapToObj(Integer::toHexString).toList(), charset)
          .isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<String> ids() {
    // Mostly printable ASCII, with every boundary byte of the check: 0x00, 0x1F, 0x20, 0x7E, 0x7F, 0x80+ as
    // characters, and CJK; lengths across one, two and three words.
    Arbitrary<Character> printable = Arbitraries.chars().range(' ', '~');
    Arbitrary<Character> edges = Arbitraries.of('\u0000', '\u0001', '\u0009', '\n', '\u001f', ' ', '~', '\u007f',
        '\u0080', '\u0085', '\u009f', '\u00a0', '华', '信');
    return Arbitraries.frequencyOf(
            Tuple.of(20, printable), Tuple.of(1, edges))
        .list().ofMinSize(0).ofMaxSize(26)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
  }

  @Provide
  Arbitrary<Integer> offsets() {
    return Arbitraries.integers().between(0, 9);
  }
}
