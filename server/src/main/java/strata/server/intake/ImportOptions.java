package strata.server.intake;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import strata.intake.Column;
import strata.intake.FileKind;
import strata.intake.FormatSniffer;
import strata.server.api.BadRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How to read an uploaded file, as the user said.
 *
 * @param mapping column key to the header that holds it, e.g. {@code amount -> 实收款}
 * @param encoding a charset name such as GBK or UTF-8; null to detect
 * @param dateFormat a java.time pattern such as {@code M/d/yyyy}; null for the built-in date forms
 */
public record ImportOptions(Map<String, String> mapping, String encoding, String dateFormat) {
  public static final ImportOptions NONE = new ImportOptions(Map.of(), null, null);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Checks the form fields of an upload; mistakes answer 400 naming the field, before anything is stored. */
  static ImportOptions parse(FileKind kind, String mappingJson, String encoding, String dateFormat) {
    Map<String, String> mapping = new LinkedHashMap<>();
    if (mappingJson != null && !mappingJson.isBlank()) {
      JsonNode node;
      try {
        node = JSON.readTree(mappingJson);
      } catch (RuntimeException e) {
        throw new BadRequest("mapping", "is not valid JSON; expected an object such as {\"amount\":\"实收款\"}");
      }
      if (node == null || !node.isObject()) throw new BadRequest("mapping", "must be a JSON object of column to header");
      for (var e : node.properties()) {
        if (!e.getValue().isString()) throw new BadRequest("mapping." + e.getKey(), "must be a header name (text)");
        if (!isColumnOf(kind, e.getKey())) {
          throw new BadRequest("mapping." + e.getKey(), "is not a column of " + kind.label() + " files");
        }
        mapping.put(e.getKey(), e.getValue().asString());
      }
    }
    String charset = blankToNull(encoding);
    if (charset != null) {
      try {
        Charset.forName(charset);
      } catch (RuntimeException e) {
        throw new BadRequest("encoding", "unknown encoding '" + charset + "'; use UTF-8 or GBK");
      }
    }
    String pattern = blankToNull(dateFormat);
    if (pattern != null) {
      try {
        DateTimeFormatter.ofPattern(pattern);
      } catch (IllegalArgumentException e) {
        throw new BadRequest("dateFormat", "is not a valid date pattern (e.g. M/d/yyyy): " + e.getMessage());
      }
    }
    return new ImportOptions(Map.copyOf(mapping), charset, pattern);
  }

  /** @param fromExcel the CSV was written by Strata from a workbook, in UTF-8 */
  FormatSniffer.Hints hints(boolean fromExcel) {
    Charset charset = fromExcel ? java.nio.charset.StandardCharsets.UTF_8
        : encoding == null ? null : Charset.forName(encoding);
    return new FormatSniffer.Hints(charset, null, null, dateFormat);
  }

  private static boolean isColumnOf(FileKind kind, String key) {
    for (Column c : kind.required()) if (c.key().equals(key)) return true;
    for (Column c : kind.optional()) if (c.key().equals(key)) return true;
    return false;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
