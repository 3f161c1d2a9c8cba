package strata.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever is written comes back byte for byte, for lengths on, around and between block and buffer sizes. */
class DirectOutputTest {
  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theFileHoldsExactlyWhatWasWritten(boolean direct) throws IOException {
    int mib = 1 << 20;
    int[] lengths = {0, 1, 511, 512, 4095, 4096, 4097, 4 * mib - 1, 4 * mib, 4 * mib + 1, 9 * mib + 12_345};
    SplittableRandom random = new SplittableRandom(5);
    for (int length : lengths) {
      byte[] data = new byte[length];
      for (int i = 0; i < length; i++) data[i] = (byte) random.nextInt(256);
      Path file = temp.resolve("out-" + length + ".csv");
      Files.write(file, new byte[10 * mib]); // a longer file there before: nothing of it may remain
      try (OutputStream out = DirectOutput.open(file, direct)) {
        int at = 0;
        while (at < length) { // pieces of every size, and single bytes
          if (random.nextInt(10) == 0) {
            out.write(data[at++]);
          } else {
            int n = Math.min(length - at, random.nextInt(3 * mib));
            out.write(data, at, n);
            at += n;
          }
        }
      }
      byte[] back = Files.readAllBytes(file);
      assertThat(back.length).as("length %d", length).isEqualTo(length);
      assertThat(Arrays.equals(back, data)).as("content of %d bytes", length).isTrue();
    }
  }
}
