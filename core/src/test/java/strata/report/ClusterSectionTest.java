package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.cluster.Cluster;
import strata.cluster.Cluster.Level;
import strata.cluster.ClusterAnalysis;
import strata.i18n.Note;

class ClusterSectionTest {
  static final Cluster FREQUENT = new Cluster(1, 3, 15_000, 12.4, 9.26, 45.6, Level.HIGH, Level.LOW, Level.LOW);
  static final Cluster LAPSED = new Cluster(2, 1, 5_000, 300.2, 1.0, 1234.4, Level.LOW, Level.HIGH, Level.HIGH);
  /** Left without members when every customer was assigned: no typical customer. */
  static final Cluster EMPTY = new Cluster(3, 0, 0, Double.NaN, Double.NaN, Double.NaN, Level.MID, Level.MID, Level.MID);

  static ReportDom dom(ReportSection s) {
    return ReportDom.parse("<section>" + s.html() + "</section>");
  }

  @Test
  void describesEachClusterWithSizeRevenueAndTypicalCustomer() {
    var result = new ClusterAnalysis.Result(new int[4], List.of(FREQUENT, LAPSED, EMPTY), 0.4567, List.of());
    ReportSection s = ClusterSection.of(result, Locale.ENGLISH);
    ReportDom d = dom(s);
    assertThat(s.id()).isEqualTo("clusters");
    assertThat(s.heading()).isEqualTo("Behavioural clusters");
    assertThat(d.texts("//p[@class='clusters-k']"))
        .containsExactly("3 clusters: the number between 3 and 8 with the best silhouette (0.46).");
    // 3 of 4 customers and 150.00 of 200.00: 75 % each; centres rounded to whole days, one decimal, whole money.
    assertThat(d.texts("//tr[@data-code='1']/td")).containsExactly("1", "frequent small orders, recent", "3",
        "75.0%", "150.00", "75.0%", "12", "9.3", "46");
    assertThat(d.texts("//tr[@data-code='2']/td")).containsExactly("2", "occasional large orders, lapsed", "1",
        "25.0%", "50.00", "25.0%", "300", "1.0", "1,234");
    assertThat(d.texts("//tr[@data-code='3']/td")).containsExactly("3", "regular mid-size orders, cooling", "0",
        "0.0%", "0.00", "0.0%", "—", "—", "—");
  }

  @Test
  void chineseAndAFixedK() {
    var result = new ClusterAnalysis.Result(new int[4], List.of(FREQUENT, LAPSED), Double.NaN, List.of());
    ReportDom d = dom(ClusterSection.of(result, Locale.SIMPLIFIED_CHINESE));
    assertThat(d.texts("//p[@class='clusters-k']")).containsExactly("共 2 个分群，由分级模型指定。");
    assertThat(d.texts("//tr[@data-code='1']/td")).containsExactly("1", "高频小额、近期活跃", "3", "75.0%",
        "¥150.00", "75.0%", "12", "9.3", "¥46");
  }

  @Test
  void noClustersSaysWhy() {
    Note few = Note.of("clusters_too_few", 12, 30);
    var result = new ClusterAnalysis.Result(new int[12], List.of(), Double.NaN, List.of(few));
    ReportDom d = dom(ClusterSection.of(result, Locale.ENGLISH));
    assertThat(d.count("//table")).isZero();
    assertThat(d.texts("//p[@class='empty']")).containsExactly("No clusters were formed in this run.");
    assertThat(d.texts("//p[@class='note']"))
        .containsExactly("12 customers are too few for behavioural clusters (at least 30 needed)");
  }
}
