package strata.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import strata.churn.BinaryMetrics;
import strata.churn.ChurnResult;
import strata.churn.Evaluation;
import strata.i18n.Note;

class ChurnSectionTest {
  // The CDNOW figures of bench/README.md, with made-up reliability bins.
  static final Evaluation CLASSIFIER = new Evaluation(7072, 4954, 0.7741, 0.8530, 0.1562, 1.2628,
      List.of(new BinaryMetrics.Bin(0.3, 0.4, 120, 0.3456, 0.3333), new BinaryMetrics.Bin(0.9, 1.0, 6952, 0.95, 0.7)), null);
  static final Evaluation BASELINE = new Evaluation(7072, 4954, 0.7682, 0.8420, 0.1637, 1.2149,
      List.of(new BinaryMetrics.Bin(0.0, 0.1, 72, 0.05, 0.5), new BinaryMetrics.Bin(0.9, 1.0, 7000, 0.925, 0.7)), null);

  static ChurnResult result(Evaluation classifier, Evaluation baseline, boolean usesClassifier, List<Note> notes) {
    return new ChurnResult(classifier, baseline, usesClassifier, new float[0], new int[0], new float[0], List.of(),
        notes);
  }

  static ReportDom dom(ReportSection s) {
    return ReportDom.parse("<section>" + s.html() + "</section>");
  }

  @Test
  void showsBothPredictorsSideBySide() {
    ReportSection s = ChurnSection.of(result(CLASSIFIER, BASELINE, true, List.of()), Locale.ENGLISH);
    ReportDom d = dom(s);
    assertThat(s.id()).isEqualTo("churn");
    assertThat(d.texts("//p[@class='churn-source']")).containsExactly("churn_prob in customers.csv is the "
        + "classifier's: it ranks churners better than the BG/NBD baseline (higher ROC-AUC).");
    assertThat(d.texts("//table[@class='churn-figures']/thead/tr/th")).containsExactly("Figure", "Classifier",
        "BG/NBD baseline");
    assertThat(d.texts("//tr[@data-code='customers']/td")).containsExactly("7,072", "7,072");
    assertThat(d.texts("//tr[@data-code='churned']/td")).containsExactly("4,954", "4,954");
    assertThat(d.texts("//tr[@data-code='auc']/td")).containsExactly("0.774", "0.768");
    assertThat(d.texts("//tr[@data-code='prAuc']/td")).containsExactly("0.853", "0.842");
    assertThat(d.texts("//tr[@data-code='brier']/td")).containsExactly("0.156", "0.164");
    assertThat(d.texts("//tr[@data-code='lift']/td")).containsExactly("1.26", "1.21");
    // Ten bins; each predictor fills the bins it has customers in: customers, mean predicted, share churned.
    assertThat(d.count("//table[@class='churn-reliability']/tbody/tr")).isEqualTo(10);
    assertThat(d.texts("//tr[@data-bin='0']/td")).containsExactly("—", "—", "—", "72", "5.0%", "50.0%");
    assertThat(d.texts("//tr[@data-bin='3']/th")).containsExactly("30–40%");
    assertThat(d.texts("//tr[@data-bin='3']/td")).containsExactly("120", "34.6%", "33.3%", "—", "—", "—");
    assertThat(d.texts("//tr[@data-bin='9']/td")).containsExactly("6,952", "95.0%", "70.0%", "7,000", "92.5%",
        "70.0%");
    assertThat(d.texts("//tr[@data-bin='5']/td")).containsOnly("—");
  }

  @Test
  void saysInChineseWhenTheBaselineWon() {
    Note lost = Note.of("churn_baseline_wins", "0.700", "0.768");
    ReportSection s = ChurnSection.of(result(CLASSIFIER, BASELINE, false, List.of(lost)), Locale.SIMPLIFIED_CHINESE);
    ReportDom d = dom(s);
    assertThat(s.heading()).isEqualTo("流失预测：分类模型与 BG/NBD 对比");
    assertThat(d.texts("//p[@class='churn-source']")).containsExactly(
        "customers.csv 中的 churn_prob 来自 BG/NBD 基线：分类模型对流失客户的排序没有优于基线。");
    assertThat(d.texts("//ul[@class='warnings']/li")).containsExactly(lost.text(Locale.SIMPLIFIED_CHINESE));
    assertThat(d.texts("//tr[@data-code='lift']/th")).containsExactly("前 10% 提升度");
    assertThat(d.texts("//tr[@data-bin='3']/th")).containsExactly("30–40%");
    assertThat(d.texts("//table[@class='churn-reliability']/thead/tr[1]/th")).containsExactly("分类模型", "BG/NBD 基线");
    assertThat(d.texts("//table[@class='churn-reliability']/thead/tr[2]/th")).containsExactly("预测概率", "客户数",
        "平均预测", "实际流失", "客户数", "平均预测", "实际流失");
  }

  @Test
  void withoutAClassifierSaysWhyAndShowsTheBaselineAlone() {
    Note few = Note.of("churn_no_variation");
    ReportDom d = dom(ChurnSection.of(result(null, BASELINE, false, List.of(few)), Locale.ENGLISH));
    assertThat(d.texts("//p[@class='churn-source']").get(0)).startsWith("churn_prob is empty in this run");
    assertThat(d.texts("//ul[@class='warnings']/li"))
        .containsExactly("every feature has the same value for all customers: nothing to learn churn from");
    assertThat(d.texts("//tr[@data-code='auc']/td")).containsExactly("—", "0.768");
  }

  @Test
  void tooLittleDataShowsNoTables() {
    Note few = Note.of("churn_too_few", 30, 50);
    ReportDom d = dom(ChurnSection.of(result(null, null, false, List.of(few)), Locale.ENGLISH));
    assertThat(d.count("//table")).isZero();
    assertThat(d.texts("//ul[@class='warnings']/li"))
        .containsExactly("30 customers are too few to train the churn classifier (at least 50 needed)");
  }
}
