package strata.intake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Writes rejected.csv as rows arrive: file, line, reason code, detail and the raw row (UTF-8 with BOM). */
public final class RejectedRowsWriter implements Consumer<Rejection>, AutoCloseable {
  public static final String HEADER = "file,line,reason,detail,raw";
  private final Writer out;
  private final StringBuilder sb = new StringBuilder(256);
  private long rows;

  public RejectedRowsWriter(Path file) throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    out.write('\uFEFF');
    out.write(HEADER);
    out.write('\n');
  }

  @Override
  public synchronized void accept(Rejection r) {
    sb.setLength(0);
    CsvText.appendText(sb, r.file());
    sb.append(',').append(r.line()).append(',').append(r.reason().code()).append(',');
    CsvText.appendText(sb, r.detail());
    sb.append(',');
    CsvText.appendText(sb, r.raw());
    sb.append('\n');
    try {
      out.append(sb);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write rejected.csv", e);
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
