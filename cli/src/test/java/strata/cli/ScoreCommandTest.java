package strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
  @TempDir Path dir;

  /** customers.csv as maps from header to cell (simple split: the checked columns hold no commas). */
  static List<Map<String, String>> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).replace("\uFEFF", "").split(",");
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
      out.add(row);
    }
    return out;
  }

  @Test
  void scoresCdnowMasterWithTheSameRfmAsAnIndependentBruteForce() throws IOException {
    Path out = dir.resolve("out");
    Cli r = Cli.run("score", "--transactions", Cli.shared("CDNOW_master.txt").toString(), "--delimiter", "whitespace",
        "--map", "amount=dollar_value", "--out", out.toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isZero();

    // Independent computation straight from the definition in the issue, O(n^2) on purpose.
    Map<String, long[]> perCustomer = new HashMap<>(); // last day, rows, cents
    LocalDate maxDate = LocalDate.MIN;
    List<String> lines = Files.readAllLines(Cli.shared("CDNOW_master.txt"));
    for (String line : lines.subList(1, lines.size())) { // header: customer_id date number_of_cds dollar_value
      String[] f = line.trim().split("\\s+");
      LocalDate d = LocalDate.parse(f[1], DateTimeFormatter.BASIC_ISO_DATE);
      if (d.isAfter(maxDate)) maxDate = d;
      long cents = new BigDecimal(f[3]).movePointRight(2).longValueExact();
      long[] a = perCustomer.computeIfAbsent(f[0], k -> new long[] {Long.MIN_VALUE, 0, 0});
      a[0] = Math.max(a[0], d.toEpochDay());
      a[1]++;
      a[2] += cents;
    }
    long asOf = maxDate.toEpochDay() + 1;
    List<String> ids = new ArrayList<>(perCustomer.keySet());
    int n = ids.size();
    long[] rec = new long[n];
    long[] freq = new long[n];
    long[] mon = new long[n];
    for (int i = 0; i < n; i++) {
      long[] a = perCustomer.get(ids.get(i));
      rec[i] = asOf - a[0];
      freq[i] = a[1];
      mon[i] = a[2];
    }
    Map<String, Map<String, String>> byId = new HashMap<>();
    for (Map<String, String> row : rows(out.resolve("customers.csv"))) byId.put(row.get("customer_id"), row);
    assertThat(byId).hasSize(23570);
    for (int i = 0; i < n; i += 7) { // every 7th customer keeps the O(n^2) check fast
      int rLarger = 0, fLower = 0, mLower = 0;
      for (int j = 0; j < n; j++) {
        if (rec[j] > rec[i]) rLarger++;
        if (freq[j] < freq[i]) fLower++;
        if (mon[j] < mon[i]) mLower++;
      }
      Map<String, String> row = byId.get(ids.get(i));
      assertThat(row.get("recency_days")).isEqualTo(String.valueOf(rec[i]));
      assertThat(row.get("frequency")).isEqualTo(String.valueOf(freq[i]));
      assertThat(new BigDecimal(row.get("monetary"))).isEqualTo(BigDecimal.valueOf(mon[i], 2));
      assertThat(row.get("r_score")).isEqualTo(String.valueOf(1 + 5L * rLarger / n));
      assertThat(row.get("f_score")).isEqualTo(String.valueOf(1 + 5L * fLower / n));
      assertThat(row.get("m_score")).isEqualTo(String.valueOf(1 + 5L * mLower / n));
    }
  }

  @Test
  void badInputIsOneLineAndANonZeroExit() throws IOException {
    Cli missing = Cli.run("score", "--transactions", dir.resolve("nope.csv").toString(), "--out", dir.toString());
    assertThat(missing.exit()).isEqualTo(1);
    // Input errors too are said in the command's --lang, zh by default like its labels and report.
    assertThat(missing.err().strip()).isEqualTo("strata: " + dir.resolve("nope.csv") + "：找不到文件");
    Cli missingInEnglish = Cli.run("score", "--transactions", dir.resolve("nope.csv").toString(), "--out",
        dir.toString(), "--lang", "en");
    assertThat(missingInEnglish.err().strip()).isEqualTo("strata: " + dir.resolve("nope.csv") + ": file not found");

    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "who,when,how much\nA,2024-01-01,1\n");
    Cli noColumn = Cli.run("score", "--transactions", tx.toString(), "--out", dir.resolve("o").toString());
    assertThat(noColumn.exit()).isEqualTo(1);
    assertThat(noColumn.err()).startsWith("strata: tx.csv：缺少 customer_id 列；表头应类似 customerid, custid")
        .contains("现有表头：who, when, how much。可用 --map customer_id=<表头> 指定").doesNotContain("Exception");
    assertThat(noColumn.err().strip().lines()).hasSize(1);

    Files.writeString(tx, "customer_id,order_date,amount\nA,2024-01-01,1\n");
    Path model = dir.resolve("m.yaml");
    Files.writeString(model, "tiers:\n  - id: x\n    when: nonsense > 1\n  - id: y\n");
    Cli badModel = Cli.run("score", "--transactions", tx.toString(), "--model", model.toString(), "--out",
        dir.resolve("o").toString());
    assertThat(badModel.exit()).isEqualTo(1);
    // In the command's --lang, zh by default like its labels and report.
    assertThat(badModel.err()).startsWith("strata: m.yaml: 等级 'x'：条件 \"nonsense > 1\" 无效：`nonsense` 不是已知的指标");
    Cli inEnglish = Cli.run("score", "--transactions", tx.toString(), "--model", model.toString(), "--out",
        dir.resolve("o").toString(), "--lang", "en");
    assertThat(inEnglish.err()).startsWith("strata: m.yaml: tier 'x': condition \"nonsense > 1\" is not valid");

    Cli badDate = Cli.run("score", "--transactions", tx.toString(), "--as-of", "2024-13-01", "--out", dir.toString());
    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badDate.err()).contains("--as-of");
  }

  @Test
  void writesRejectedRowsEvenWhenNothingIsUsable() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "customer_id,order_date,amount\nA,someday,1\n");
    Path out = dir.resolve("o");
    Cli r = Cli.run("score", "--transactions", tx.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(Files.readAllLines(out.resolve("rejected.csv"))).containsExactly(
        "\uFEFFfile,line,reason,detail,raw", "tx.csv,2,bad_date,date 'someday',\"A,someday,1\"");
  }
}
