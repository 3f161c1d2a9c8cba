package strata.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SideFilesTest {
  @TempDir Path dir;
  final List<Rejection> rejected = new ArrayList<>();

  private Path file(String name, String text, Charset cs) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, text.getBytes(cs));
    return p;
  }

  @Test
  void customersKeepProfilesAndRejectRepeatsAndMissingIds() throws IOException {
    String csv = "客户编号,客户名称,行业,规模,负责人,生日,创建日期\n"
        + "C1,\"华丰贸易, 有限公司\",零售,中型,张伟,,2023-05-01\n"
        + ",无名,零售,小型,李娜,,\n"
        + "C1,重复,零售,小型,李娜,,\n"
        + "C2,王芳,个人,微型,李娜,1990年2月3日,not-a-date\n";
    SideFiles.Customers c = SideFiles.customers(file("c.csv", csv, Charset.forName("GBK")), FormatSniffer.Hints.NONE,
        Map.of(), rejected::add, dir);
    assertThat(c.profiles()).containsOnlyKeys("C1", "C2");
    assertThat(c.profiles().get("C1").name()).isEqualTo("华丰贸易, 有限公司");
    assertThat(c.profiles().get("C1").created()).isEqualTo(LocalDate.of(2023, 5, 1));
    assertThat(c.profiles().get("C2").birthday()).isEqualTo(LocalDate.of(1990, 2, 3));
    assertThat(c.profiles().get("C2").created()).isNull(); // unreadable optional date: left empty, row kept
    assertThat(rejected).extracting(Rejection::reason)
        .containsExactly(RejectReason.MISSING_CUSTOMER_ID, RejectReason.DUPLICATE_CUSTOMER);
    assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L);
    assertThat(c.quality().rowsAccepted()).isEqualTo(2);
  }

  @Test
  void interactionsAreCountedByTypeInEitherLanguage() throws IOException {
    String csv = "customer_id,time,type\nA,2024-01-01,电话\nA,2024-01-05,Complaint\nA,2024-01-03,上门拜访\n"
        + "A,yesterday,call\nB,2024-02-01,咨询\n";
    SideFiles.Engagements e = SideFiles.interactions(file("i.csv", csv, StandardCharsets.UTF_8),
        FormatSniffer.Hints.NONE, Map.of(), rejected::add, dir);
    Engagement a = e.byCustomer().get("A");
    assertThat(a.interactions()).isEqualTo(3);
    assertThat(a.calls()).isEqualTo(1);
    assertThat(a.complaints()).isEqualTo(1);
    assertThat(a.visits()).isEqualTo(1);
    assertThat(a.lastContactDay()).isEqualTo(LocalDate.of(2024, 1, 5).toEpochDay());
    assertThat(e.byCustomer().get("B").inquiries()).isEqualTo(1);
    assertThat(rejected).singleElement().extracting(Rejection::reason).isEqualTo(RejectReason.BAD_DATE);
  }

  @Test
  void surveysKeepTheLatestAnswerAndRejectOutOfRangeScores() throws IOException {
    String csv = "客户编号,日期,NPS,CSAT,评价\n"
        + "A,2024-03-01,9,5,很好\n"
        + "A,2024-01-01,3,2,一般\n"      // older: does not replace the latest
        + "A,2024-04-01,,4,\n"           // CSAT only: NPS stays 9
        + "B,2024-01-01,11,,\n"          // NPS out of range
        + "B,2024-01-01,,,没打分\n"      // neither
        + "B,2024-01-02,x,3,\n";         // not a number
    SideFiles.Engagements e = SideFiles.surveys(file("s.csv", csv, StandardCharsets.UTF_8), FormatSniffer.Hints.NONE,
        Map.of(), rejected::add, dir);
    Engagement a = e.byCustomer().get("A");
    assertThat(a.nps()).isEqualTo(9);
    assertThat(a.csat()).isEqualTo(4);
    assertThat(e.byCustomer()).doesNotContainKey("B");
    assertThat(rejected).extracting(Rejection::reason)
        .containsExactly(RejectReason.BAD_SCORE, RejectReason.EMPTY_SURVEY, RejectReason.BAD_SCORE);
  }

  @Test
  void aSideFileWithoutItsIdColumnFailsNamingIt() throws IOException {
    Path p = file("s.csv", "who,日期,NPS\nA,2024-01-01,9\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> SideFiles.surveys(p, FormatSniffer.Hints.NONE, Map.of(), rejected::add, dir))
        .isInstanceOf(IntakeException.class).hasMessageStartingWith("s.csv: no customer_id column");
  }

  @Test
  void shortRowsAreRejectedNotPadded() throws IOException {
    Path p = file("c.csv", "customer_id,name,owner\nA,Ann\n", StandardCharsets.UTF_8);
    SideFiles.Customers c = SideFiles.customers(p, FormatSniffer.Hints.NONE, Map.of(), rejected::add, dir);
    assertThat(c.profiles()).isEmpty();
    assertThat(rejected).singleElement().extracting(Rejection::detail).isEqualTo("expected 3 fields, found 2");
  }
}
