package strata.server.customer;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import strata.i18n.Labels;
import strata.intake.CsvText;
import strata.tier.Metric;

/**
 * The filtered customer list as CSV (UTF-8 with BOM, opens in Excel) or .xlsx (POI's streaming writer), either for
 * machines (code headers and code values, the default) or for people in one language ({@link Text}): headers and coded
 * values translated, the codes kept as extra {@code *_code} columns at the end so a spreadsheet can still be joined.
 */
final class CustomerExport {
  static final List<String> HEADER = List.of("customer_id", "name", "owner", "region", "industry", "tier",
      "model_tier", "overridden", "rfm_segment", "rfm_segment11", "lifecycle_stage", "abc_class", "value_quadrant",
      "recency_days", "frequency", "monetary", "composite_score", "clv", "p_alive", "top_category",
      "next_product");
  /** The coded columns a person's export translates, each with the label prefix of its values (tiers: the model). */
  private static final Map<String, String> CODED = new LinkedHashMap<>();
  static {
    CODED.put("tier", null);
    CODED.put("model_tier", null);
    CODED.put("rfm_segment", "rfm.classic.");
    CODED.put("rfm_segment11", "rfm.segment.");
    CODED.put("lifecycle_stage", "lifecycle.stage.");
    CODED.put("value_quadrant", "value.quadrant.");
  }
  /** Excel's sheet limit less the header row. */
  static final int MAX_XLSX_ROWS = 1_048_575;

  /** A person's export: the language and the names of the snapshot's tiers in it. */
  record Text(Locale locale, Function<String, String> tierName) {}

  private CustomerExport() {}

  static List<String> header(Text text) {
    if (text == null) return HEADER;
    List<String> out = new ArrayList<>();
    for (String column : HEADER) {
      String key = Metric.ofVariable(column) != null ? "metric." + column : "export." + column;
      out.add(Labels.get(key, text.locale()));
    }
    for (String column : CODED.keySet()) out.add(column + "_code");
    return out;
  }

  static Object[] cells(CustomerRow r, Text text) {
    Object[] codes = {r.id(), r.name(), r.owner(), r.region(), r.industry(), r.tier(), r.modelTier(),
        r.overridden(), r.segment(), r.segment11(), r.lifecycle(), r.abc(), r.quadrant(), r.recencyDays(),
        r.frequency(), r.monetary(), r.compositeScore(), r.clv(), r.pAlive(), r.topCategory(),
        r.nextProduct()};
    if (text == null) return codes;
    Object[] out = java.util.Arrays.copyOf(codes, codes.length + CODED.size());
    int extra = codes.length;
    for (Map.Entry<String, String> coded : CODED.entrySet()) {
      int i = HEADER.indexOf(coded.getKey());
      Object code = codes[i];
      out[extra++] = code;
      if (code == null) continue;
      out[i] = coded.getValue() == null ? text.tierName().apply(code.toString())
          : Labels.get(coded.getValue() + code, text.locale());
    }
    int overridden = HEADER.indexOf("overridden");
    out[overridden] = Labels.get(r.overridden() ? "tier.reason.yes" : "tier.reason.no", text.locale());
    return out;
  }

  interface Rows {
    void each(java.util.function.Consumer<CustomerRow> action);
  }

  static void csv(Rows rows, Text text, OutputStream out) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    w.write('\uFEFF');
    CsvWriter csv = CsvWriter.builder().quoteStrategy(CsvText.QUOTING).lineDelimiter(LineDelimiter.CRLF).build(w);
    try {
      List<String> header = header(text);
      csv.writeRecord(header);
      String[] fields = new String[header.size()];
      rows.each(r -> {
        Object[] cells = cells(r, text);
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

  static void xlsx(Rows rows, Text text, OutputStream out) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200)) {
      Sheet sheet = book.createSheet("customers");
      Row header = sheet.createRow(0);
      List<String> names = header(text);
      for (int i = 0; i < names.size(); i++) header.createCell(i).setCellValue(names.get(i));
      int[] n = {0};
      rows.each(r -> {
        if (n[0] >= MAX_XLSX_ROWS) return;
        Row row = sheet.createRow(++n[0]);
        Object[] cells = cells(r, text);
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
