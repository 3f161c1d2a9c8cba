package strata.server.intake;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import strata.intake.IntakeException;

/**
 * Workbooks into CSV: text cells come back from the CSV exactly, and a workbook with its sheet XML or its bytes
 * mutated converts or is refused with {@link IntakeException}, never another exception.
 */
class XlsxToCsvProperties {
  private static final ch.qos.logback.classic.Logger POI =
      (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.poi");
  private static ch.qos.logback.classic.Level poiLevel;

  /** POI logs every parse error of a mutated sheet at ERROR before throwing it; hundreds of them say nothing here. */
  @BeforeContainer
  static void quietPoi() {
    poiLevel = POI.getLevel();
    POI.setLevel(ch.qos.logback.classic.Level.OFF);
  }

  @AfterContainer
  static void restorePoi() {
    POI.setLevel(poiLevel);
  }

  @Property(tries = 60)
  void textCellsComeBackFromTheCsv(@ForAll("sheets") List<List<String>> rows) throws IOException {
    Path dir = Files.createTempDirectory("xlsx");
    try {
      Path xlsx = dir.resolve("in.xlsx");
      Files.write(xlsx, workbook(rows));
      Path csv = dir.resolve("out.csv");
      XlsxToCsv.convert(xlsx, csv, "in.xlsx");
      List<List<String>> back = new ArrayList<>();
      try (CsvReader<CsvRecord> reader = CsvReader.builder().allowExtraFields(true).allowMissingFields(true)
          .skipEmptyLines(false).ofCsvRecord(csv, StandardCharsets.UTF_8)) {
        reader.forEach(r -> back.add(r.getFields()));
      }
      // Rows are padded to the header's width with empty cells; trailing empty cells are not data.
      assertThat(back.stream().map(XlsxToCsvProperties::trimmed).toList())
          .isEqualTo(rows.stream().map(XlsxToCsvProperties::trimmed).toList());
    } finally {
      deleteAll(dir);
    }
  }

  @Property(tries = 100)
  void aMutatedWorkbookConvertsOrIsRefused(@ForAll("sheets") List<List<String>> rows,
      @ForAll @IntRange(max = 2) int kind, @ForAll @Size(min = 1, max = 4) List<@IntRange(max = 1_000_000) Integer> at,
      @ForAll("tokens") String token) throws IOException {
    byte[] book = workbook(rows);
    byte[] mutated = switch (kind) {
      case 0 -> flipBytes(book, at);
      case 1 -> mutateEntry(book, "xl/worksheets/sheet1.xml", at, token);
      default -> mutateEntry(book, "xl/sharedStrings.xml", at, token);
    };
    Path dir = Files.createTempDirectory("xlsx");
    try {
      Path xlsx = dir.resolve("in.xlsx");
      Files.write(xlsx, mutated);
      XlsxToCsv.convert(xlsx, dir.resolve("out.csv"), "in.xlsx");
    } catch (IntakeException refused) {
      assertThat(refused.getMessage()).startsWith("in.xlsx: ");
    } finally {
      deleteAll(dir);
    }
  }

  @Provide
  Arbitrary<List<List<String>>> sheets() {
    Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.strings().withCharRange('a', 'z').withChars(",\"\n# 中")
        .ofMaxLength(8), Arbitraries.of("#1", "a,b", "say \"hi\"", "two\nlines", "", "=1+1", "客户"));
    return cell.list().ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.of("", "<", ">", "</c>", "<c r=\"XFD1\">", "<row r=\"0\">", "<row r=\"2000000\">", "r=\"A0\"",
        "t=\"s\"", "<v>99999</v>", "<v>-1</v>", "<v>x</v>", "&amp;", "&#0;", "&x;", "<!DOCTYPE a [<!ENTITY x \"y\">]>",
        "\u0000", "\"");
  }

  private static byte[] workbook(List<List<String>> rows) throws IOException {
    try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.createSheet();
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] flipBytes(byte[] book, List<Integer> at) {
    byte[] b = book.clone();
    for (int i : at) b[i % b.length] ^= (byte) (1 + i % 255);
    return b;
  }

  /** The workbook with one entry's text changed: a span deleted at each position, the token put in its place. */
  private static byte[] mutateEntry(byte[] book, String entry, List<Integer> at, String token) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(book));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          String text = new String(data, StandardCharsets.UTF_8);
          for (int i : at) {
            int from = i % (text.length() + 1);
            int to = Math.min(text.length(), from + i % 7);
            text = text.substring(0, from) + token + text.substring(to);
          }
          data = text.getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static List<String> trimmed(List<String> row) {
    int end = row.size();
    while (end > 0 && row.get(end - 1).isEmpty()) end--;
    return row.subList(0, end);
  }

  private static void deleteAll(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
