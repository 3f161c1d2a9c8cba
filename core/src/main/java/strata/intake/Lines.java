package strata.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Line numbering shared by the intakes. */
final class Lines {
  private Lines() {}

  /** The line number of the first data row: one more than the line breaks before it (a header may span lines). */
  static long firstDataLine(Path file, CsvFormat format) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes((int) format.dataStart());
      long breaks = 0;
      for (byte b : head) if (b == '\n') breaks++;
      return breaks + 1;
    } catch (IOException e) {
      throw IntakeException.causedBy(e, IntakeException.UNREADABLE, file.getFileName(), e.getMessage());
    }
  }
}
