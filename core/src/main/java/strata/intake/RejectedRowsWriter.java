package strata.intake;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes rejected.csv as rows arrive: file, line, reason code, detail and the raw row (UTF-8 with BOM, LF line ends,
 * formula-guarded text cells as {@link CsvText} describes).
 */
public final class RejectedRowsWriter implements Consumer<Rejection>, AutoCloseable {
  public static final String HEADER = "file,line,reason,detail,raw";
  private final CsvWriter out;
  private long rows;

  public RejectedRowsWriter(Path file) throws IOException {
    Writer writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
        1 << 16);
    writer.write('\uFEFF');
    writer.write(HEADER);
    writer.write('\n');
    out = CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.LF).build(writer);
  }

  @Override
  public synchronized void accept(Rejection r) {
    try {
      out.writeRecord(CsvText.guarded(r.file()), Long.toString(r.line()), r.reason().code(),
          CsvText.guarded(r.detail()), CsvText.guarded(r.raw()));
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException("cannot write rejected.csv", e.getCause());
    }
    rows++;
  }

  public long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
