package strata.server.customer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import strata.intake.CsvText;

/** The filtered customer list as CSV (UTF-8 with BOM, opens in Excel) or .xlsx (POI's streaming writer). */
final class CustomerExport {
  static final List<String> HEADER = List.of("customer_id", "name", "owner", "region", "industry", "tier",
      "model_tier", "overridden", "rfm_segment", "rfm_segment11", "lifecycle_stage", "abc_class", "value_quadrant",
      "recency_days", "frequency", "monetary", "composite_score", "clv", "p_alive");
  /** Excel's sheet limit less the header row. */
  static final int MAX_XLSX_ROWS = 1_048_575;

  private CustomerExport() {}

  static Object[] cells(CustomerRow r) {
    return new Object[] {r.id(), r.name(), r.owner(), r.region(), r.industry(), r.tier(), r.modelTier(),
        r.overridden(), r.segment(), r.segment11(), r.lifecycle(), r.abc(), r.quadrant(), r.recencyDays(),
        r.frequency(), r.monetary(), r.compositeScore(), r.clv(), r.pAlive()};
  }

  interface Rows {
    void each(java.util.function.Consumer<CustomerRow> action);
  }

  static void csv(Rows rows, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CsvWriter csv = CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.CRLF).build(w);
    try {
      csv.writeRecord(HEADER);
      String[] fields = new String[HEADER.size()];
      rows.each(r -> {
        Object[] cells = cells(r);
        for (int i = 0; i < cells.length; i++) {
          fields[i] = cells[i] instanceof String s ? CsvText.guarded(s) : cells[i] == null ? null : cells[i].toString();
        }
        csv.writeRecord(fields);
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  static void xlsx(Rows rows, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      Sheet sheet = book.createSheet("customers");
      Row header = sheet.createRow(0);
      for (int i = 0; i < HEADER.size(); i++) header.createCell(i).setCellValue(HEADER.get(i));
      int[] n = {0};
      rows.each(r -> {
        if (n[0] >= MAX_XLSX_ROWS) return;
        Row row = sheet.createRow(++n[0]);
        Object[] cells = cells(r);
        for (int i = 0; i < cells.length; i++) {
          Object c = cells[i];
          // Text cells stay text: POI never evaluates a string cell as a formula, so no injection guard is needed.
          if (c instanceof Number num) row.createCell(i).setCellValue(num.doubleValue());
          else if (c instanceof Boolean b) row.createCell(i).setCellValue(b);
          else if (c != null) row.createCell(i).setCellValue(c.toString());
        }
      });
      book.write(out);
      book.dispose();
    }
  }
}
