package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import strata.i18n.Note;
import org.junit.jupiter.api.io.TempDir;
import strata.summary.CustomerSummary;

/**
 * Bytes that are not valid in a file's encoding, and control characters in customer ids, refuse their row in every
 * intake instead of being decoded to U+FFFD (issue 14: three GB18030 ids {@code ZZQ\xFF\xFE01..03} became one customer).
 */
class EncodingRejectionTest {
  private static final Charset GB18030 = Charset.forName("GB18030");
  @TempDir Path dir;
  final List<Rejection> rejected = new ArrayList<>();

  /** The text in {@code charset}, with each {@code \xHH} written as that byte. */
  private Path file(String name, String text, Charset charset) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Matcher m = Pattern.compile("\\\\x([0-9A-F]{2})").matcher(text);
    int at = 0;
    while (m.find()) {
      out.writeBytes(text.substring(at, m.start()).getBytes(charset));
      out.write(Integer.parseInt(m.group(1), 16));
      at = m.end();
    }
    out.writeBytes(text.substring(at).getBytes(charset));
    Path p = dir.resolve(name);
    Files.write(p, out.toByteArray());
    return p;
  }

  private TransactionIntake.Result transactions(Path p) {
    return TransactionIntake.read(p, TransactionIntake.Options.defaults().withTempDir(dir), rejected::add, b -> { });
  }

  private static List<String> customerIds(TransactionIntake.Result r) {
    List<CustomerSummary> out = new ArrayList<>();
    r.table().forEach(r.charset(), out::add);
    return out.stream().map(CustomerSummary::customerId).sorted(Comparator.naturalOrder()).toList();
  }

  private FileQuality rows(Path p, FileKind kind, List<RowIntake.Row> accepted) {
    return RowIntake.read(p, p.getFileName().toString(), kind, FormatSniffer.Hints.NONE, Map.of(), accepted::add,
        rejected::add, dir, b -> { });
  }

  private static void assertCountsAddUp(FileQuality q) {
    assertThat(q.rowsAccepted() + q.rowsRejected()).isEqualTo(q.rowsRead());
  }

  @Test
  void idsWithBytesInvalidInTheDetectedEncodingAreRejectedNotMerged() throws IOException {
    // The issue's file: ASCII but for 0xFF 0xFE, so not UTF-8 and detected as GB18030, where neither byte starts a
    // valid sequence (0xFF is no lead byte; 0xFE followed by '0' needs a four-byte sequence, and '1' is no third byte).
    String csv = "customer_id,order_date,amount\n"
        + "C1,2024-01-05,10.00\n"          // 2 ok
        + "ZZQ\\xFF\\xFE01,2024-01-06,1\n" // 3
        + "ZZQ\\xFF\\xFE02,2024-01-07,2\n" // 4
        + "ZZQ\\xFF\\xFE03,2024-01-08,3\n" // 5
        + "C2,2024-01-09,20.00\n";         // 6 ok
    TransactionIntake.Result r = transactions(file("tx.csv", csv, StandardCharsets.US_ASCII));
    assertThat(r.charset()).isEqualTo(GB18030);
    assertThat(r.quality().rowsRead()).isEqualTo(5);
    assertThat(r.quality().rowsAccepted()).isEqualTo(2);
    assertThat(r.quality().rowsRejected()).isEqualTo(3);
    assertCountsAddUp(r.quality());
    assertThat(r.quality().rejectedByReason()).containsExactly(Map.entry("bad_encoding", 3L));
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L, 5L);
    assertThat(rejected).extracting(Rejection::reason).containsOnly(RejectReason.BAD_ENCODING);
    // Each byte that starts no valid sequence is shown escaped; decoding resumes at the next byte.
    assertThat(rejected.get(0).detail()).isEqualTo("column 'customer_id' is not valid GB18030: 'ZZQ\\xFF\\xFE01'");
    assertThat(rejected.get(2).raw()).isEqualTo("ZZQ\\xFF\\xFE03,2024-01-08,3");
    assertThat(customerIds(r)).containsExactly("C1", "C2");
    assertThat(r.quality().warnings()).contains(Note.of("quality_bad_encoding", 3, "GB18030"));
  }

  @Test
  void aUtf8FileWithAFewCorruptedRowsStaysUtf8AndRejectsOnlyThem() throws IOException {
    // No BOM; 200 rows of Chinese ids and names, two with a stray byte. Read as GB18030 (as the whole-file check did),
    // every id would be garbled: 客户-1's UTF-8 bytes E5 AE A2 E6 88 B7 read as 瀹㈡埛.
    StringBuilder csv = new StringBuilder("客户编号,下单日期,金额,品类\n");
    for (int i = 1; i <= 200; i++) {
      String id = i == 50 || i == 120 ? "客户\\xFF-" + i : "客户-" + i;
      csv.append(id).append(",2024-01-").append(10 + i % 18).append(',').append(i).append(".5,食品饮料\n");
    }
    TransactionIntake.Result r = transactions(file("tx.csv", csv.toString(), StandardCharsets.UTF_8));
    assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(r.quality().rejectedByReason()).containsExactly(Map.entry("bad_encoding", 2L));
    assertThat(rejected).extracting(Rejection::line).containsExactly(51L, 121L);
    assertThat(customerIds(r)).hasSize(198).contains("客户-1", "客户-200").doesNotContain("客户-50");
    assertThat(r.quality().warnings()).contains(Note.of("quality_bad_encoding", 2, "UTF-8"));
  }

  @Test
  void strayBytesAmongTooFewUtf8CharactersStillMeanGb18030() throws IOException {
    // One stray byte among 20 Chinese characters that decode as UTF-8: under the 50 per stray that UTF-8 needs, so
    // the file is read as GB18030, as before (the rows with bytes GB18030 cannot read are rejected there).
    String csv = "customer_id,order_date,amount\n客户一,2024-01-05,10\n客户二,2024-01-06,1\nZ\\xFF1,2024-01-07,1\n"
        + "华东贸易公司,2024-01-08,2\n北京科技集团有限公司,2024-01-09,3\n";
    TransactionIntake.Result r = transactions(file("tx.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.charset()).isEqualTo(GB18030);
    // GBK text itself fails as UTF-8 on most of its characters: detected as GB18030, read right.
    rejected.clear();
    StringBuilder gbk = new StringBuilder("客户编号,下单日期,金额\n");
    for (int i = 1; i <= 300; i++) gbk.append("华信恒达中科鼎盛-").append(i).append(",2024-02-01,").append(i).append('\n');
    TransactionIntake.Result g = transactions(file("gbk.csv", gbk.toString(), Charset.forName("GBK")));
    assertThat(g.charset()).isEqualTo(GB18030);
    assertThat(customerIds(g)).hasSize(300).contains("华信恒达中科鼎盛-7");
    assertThat(rejected).isEmpty();
  }

  @Test
  void invalidUtf8InAnyColumnAndATruncatedSequenceAtTheEndAreRejected() throws IOException {
    // A BOM makes the file UTF-8 whatever follows. 食 is E9 A3 9F, 品 is E5 93 81.
    String csv = "\uFEFFcustomer_id,order_date,amount,category\n"
        + "张三,2024-01-05,10.00,食品\n"          // 2 ok
        + "李四,2024-01-06,5\\xFF,食品\n"         // 3 amount: 0xFF never occurs in UTF-8
        + "C\\xC3(,2024-01-07,1,食品\n"           // 4 id: C3 must be followed by 80..BF
        + "C\\xC0\\xAF,2024-01-07,1,食品\n"       // 5 id: C0 AF is an overlong '/'
        + "C\\xED\\xA0\\x80,2024-01-07,1,食品\n"  // 6 id: ED A0 80 is the surrogate U+D800
        + "王五,2024-01-08,7,\"食, \\xE9\\xA3\"\n"    // 7 category, quoted: 食 cut before its last byte
        + "C3,2024-01-09,8,食\\xE5\\x93";          // 8 category: 品 cut by the end of the file
    TransactionIntake.Result r = transactions(file("tx.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(r.quality().rowsRead()).isEqualTo(7);
    assertThat(r.quality().rowsAccepted()).isEqualTo(1);
    assertCountsAddUp(r.quality());
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(rejected).extracting(Rejection::reason).containsOnly(RejectReason.BAD_ENCODING);
    assertThat(rejected).extracting(Rejection::detail).containsExactly(
        "column 'amount' is not valid UTF-8: '5\\xFF'",
        "column 'customer_id' is not valid UTF-8: 'C\\xC3('",
        "column 'customer_id' is not valid UTF-8: 'C\\xC0\\xAF'",
        "column 'customer_id' is not valid UTF-8: 'C\\xED\\xA0\\x80'",
        "column 'category' is not valid UTF-8: '食, \\xE9\\xA3'",
        "column 'category' is not valid UTF-8: '食\\xE5\\x93'");
    assertThat(rejected.get(0).raw()).isEqualTo("李四,2024-01-06,5\\xFF,食品");
    assertThat(rejected.get(5).raw()).isEqualTo("C3,2024-01-09,8,食\\xE5\\x93");
    assertThat(customerIds(r)).containsExactly("张三");
  }

  @Test
  void aGbkFileWithBytesInvalidInGb18030RejectsThoseRows() throws IOException {
    // 0x80 and 0xFF are no GB18030 lead bytes; 0x81 needs a second byte in 0x30..0x39, 0x40..0x7E or 0x80..0xFE,
    // and ',' is none of them.
    String csv = "客户编号,下单日期,金额\n"
        + "张三,2024-01-05,10\n"     // 2 ok
        + "客户\\x80,2024-01-06,5\n" // 3
        + "李四,2024-01-07,\\xFF\n"  // 4
        + "王\\x81,2024-01-08,6\n"   // 5
        + "王五,2024-01-09,7\n";     // 6 ok
    TransactionIntake.Result r = transactions(file("gbk.csv", csv, Charset.forName("GBK")));
    assertThat(r.charset()).isEqualTo(GB18030);
    assertThat(r.quality().rowsAccepted()).isEqualTo(2);
    assertThat(r.quality().rowsRejected()).isEqualTo(3);
    assertCountsAddUp(r.quality());
    assertThat(rejected).extracting(Rejection::detail).containsExactly(
        "column '客户编号' is not valid GB18030: '客户\\x80'",
        "column '金额' is not valid GB18030: '\\xFF'",
        "column '客户编号' is not valid GB18030: '王\\x81'");
    assertThat(customerIds(r)).containsExactly("张三", "王五");
  }

  @Test
  void controlCharactersInIdsAreRejectedInTransactions() throws IOException {
    // U+0085 (NEL, a C1 control) is C2 85 in UTF-8.
    String csv = "customer_id,order_date,amount\n"
        + "C1,2024-01-05,10\n"      // 2 ok
        + "C\u00001,2024-01-05,1\n" // 3 NUL inside
        + "C1\u0001,2024-01-05,1\n" // 4 SOH at the end
        + "\"C1\n\",2024-01-05,1\n" // 5-6 a quoted line break at the end
        + "C\u00851,2024-01-05,1\n" // 7 NEL
        + "C1\u007F,2024-01-05,1\n" // 8 DEL
        + " C1\t,2024-01-06,2\n";   // 9 ok: spaces and tabs around an id are trimmed
    TransactionIntake.Result r = transactions(file("tx.csv", csv, StandardCharsets.UTF_8));
    assertThat(r.quality().rowsRead()).isEqualTo(7);
    assertThat(r.quality().rowsAccepted()).isEqualTo(2);
    assertCountsAddUp(r.quality());
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L, 5L, 7L, 8L);
    assertThat(rejected).extracting(Rejection::reason).containsOnly(RejectReason.BAD_CUSTOMER_ID);
    assertThat(rejected).extracting(Rejection::detail).containsExactly(
        "customer id 'C\\u00001' holds a control character",
        "customer id 'C1\\u0001' holds a control character",
        "customer id 'C1\\u000A' holds a control character",
        "customer id 'C\\u00851' holds a control character",
        "customer id 'C1\\u007F' holds a control character");
    assertThat(customerIds(r)).containsExactly("C1");
  }

  @Test
  void theIssuesIdsAreRejectedInCustomersFilesNotTakenAsDuplicates() throws IOException {
    String csv = "customer_id,name\n"
        + "C1,甲\n"            // 2 ok
        + "ZZQ\\xFF\\xFE01,乙\n" // 3
        + "ZZQ\\xFF\\xFE02,丙\n" // 4
        + "ZZQ\\xFF\\xFE03,丁\n" // 5
        + "C2,戊\n";           // 6 ok
    List<RowIntake.Row> accepted = new ArrayList<>();
    FileQuality q = rows(file("customers.csv", csv, GB18030), FileKind.CUSTOMERS, accepted);
    assertThat(q.rowsRead()).isEqualTo(5);
    assertCountsAddUp(q);
    assertThat(q.rejectedByReason()).containsExactly(Map.entry("bad_encoding", 3L));
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L, 5L);
    assertThat(rejected.get(1).raw()).isEqualTo("ZZQ\\xFF\\xFE02,丙");
    assertThat(accepted).extracting(row -> row.get(Column.CUSTOMER_ID)).containsExactly("C1", "C2");
    assertThat(accepted).extracting(row -> row.get(Column.NAME)).containsExactly("甲", "戊");
  }

  @Test
  void invalidBytesInAnyColumnOfASideFileRejectTheRow() throws IOException {
    String csv = "\uFEFFcustomer_id,time,type\n"
        + "C1,2024-03-01,电话\n"        // 2 ok
        + "C2,2024-03-02,电\\xE8\n"     // 3 type cut inside a character (话 is E8 AF 9D)
        + "C3,2024-03-\\xFF03,拜访\n";  // 4 time
    List<RowIntake.Row> accepted = new ArrayList<>();
    FileQuality q = rows(file("interactions.csv", csv, StandardCharsets.UTF_8), FileKind.INTERACTIONS, accepted);
    assertThat(q.rowsAccepted()).isEqualTo(1);
    assertCountsAddUp(q);
    assertThat(rejected).extracting(Rejection::detail).containsExactly(
        "column 'type' is not valid UTF-8: '电\\xE8'",
        "column 'time' is not valid UTF-8: '2024-03-\\xFF03'");
  }

  @Test
  void controlCharactersInIdsAreRejectedInEveryFileKind() throws IOException {
    // U+001F at the end of an id would be removed by String.strip and the id taken for C1.
    String customers = "customer_id,name\nC1,甲\nC1\u001F,乙\n\"C\u00002\",丙\n";
    String interactions = "customer_id,time\nC1,2024-03-01\nC\u00001,2024-03-02\n";
    String surveys = "customer_id,time,nps\nC1,2024-03-01,9\n\"C1\r\",2024-03-02,10\n";
    List<RowIntake.Row> accepted = new ArrayList<>();
    FileQuality c = rows(file("c.csv", customers, StandardCharsets.UTF_8), FileKind.CUSTOMERS, accepted);
    FileQuality i = rows(file("i.csv", interactions, StandardCharsets.UTF_8), FileKind.INTERACTIONS, accepted);
    FileQuality s = rows(file("s.csv", surveys, StandardCharsets.UTF_8), FileKind.SURVEYS, accepted);
    assertThat(List.of(c, i, s)).allSatisfy(EncodingRejectionTest::assertCountsAddUp);
    assertThat(c.rejectedByReason()).containsExactly(Map.entry("bad_customer_id", 2L));
    assertThat(i.rejectedByReason()).containsExactly(Map.entry("bad_customer_id", 1L));
    assertThat(s.rejectedByReason()).containsExactly(Map.entry("bad_customer_id", 1L));
    assertThat(rejected).extracting(Rejection::detail).containsExactly(
        "customer id 'C1\\u001F' holds a control character",
        "customer id 'C\\u00002' holds a control character",
        "customer id 'C\\u00001' holds a control character",
        "customer id 'C1\\u000D' holds a control character");
    assertThat(accepted).extracting(row -> row.get(Column.CUSTOMER_ID)).containsOnly("C1").hasSize(3);
  }

  @Test
  void recordsOutsideFilesRefuseControlCharactersInIds() {
    RowIntake.Checked c = RowIntake.check(FileKind.TRANSACTIONS,
        Map.of(Column.CUSTOMER_ID, "C\u00001", Column.ORDER_DATE, "2024-01-05", Column.AMOUNT, "10"));
    assertThat(c.accepted()).isFalse();
    assertThat(c.reason()).isEqualTo(RejectReason.BAD_CUSTOMER_ID);
    assertThat(c.detail()).isEqualTo("customer id 'C\\u00001' holds a control character");
  }
}
