package strata.demo;

import java.io.IOException;
import java.nio.file.Path;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Writes surveys.csv in date order: satisfaction surveys sent to about a third of the buying customers
 * after an order. Scores fall with each complaint the customer made; either score may be left blank
 * (never both), and most comments are short or missing, as in real survey exports.
 */
final class SurveysWriter {
  static final String[] HEADER = {"客户编号", "日期", "NPS", "CSAT", "评价"};
  private static final int DAY = 86_400;
  private static final String[][] COMMENTS = {
    {"服务很好，会继续合作", "交货及时，质量稳定", "客服响应快，点赞", "价格合理, 性价比高", "业务员很专业，已推荐给同行"},
    {"整体还行，价格略高", "物流有时偏慢", "产品不错，就是开票流程繁琐", "还可以，希望多些优惠", "一般般"},
    {"投诉处理太慢", "质量不稳定，考虑换供应商", "发票开具总是出错", "客服说\"马上处理\"，结果等了一周",
      "交期一再延误, 影响我们生产"},
  };
  /** Code for a blank score in the packed payload. */
  private static final int BLANK = 15;

  private SurveysWriter() {}

  static void write(Path file, Population people, Purchases purchases, int[] complaints,
      RandomDataGenerator rng) throws IOException {
    TimedEvents surveys = new TimedEvents(people.windowStartDay * DAY);
    for (int i = 0; i < people.size; i++) {
      if (purchases.orderCount[i] == 0) {
        continue;
      }
      double share = people.sizeClass[i] <= Names.MEDIUM && !people.individual[i] ? 0.45 : 0.3;
      int count = rng.nextDouble() < share ? (rng.nextDouble() < 0.25 ? 2 : 1) : 0;
      for (int n = 0; n < count; n++) {
        addSurvey(surveys, people, purchases, complaints, i, rng);
      }
    }
    surveys.sortByTime();
    try (CsvFile csv = new CsvFile(file, HEADER)) {
      for (int k = 0; k < surveys.count(); k++) {
        int packed = (int) surveys.payload(k);
        int nps = packed & 15;
        int csat = packed >> 4 & 15;
        int comment = packed >> 8;
        csv.field(Population.customerId(surveys.customer(k)))
            .field(CsvFile.date(surveys.second(k) / DAY))
            .field(nps == BLANK ? "" : Integer.toString(nps))
            .field(csat == BLANK ? "" : Integer.toString(csat))
            .field(comment == 0 ? "" : COMMENTS[(comment - 1) / 8][(comment - 1) % 8]);
        csv.endRow();
      }
    }
  }

  private static void addSurvey(TimedEvents surveys, Population people, Purchases purchases,
      int[] complaints, int i, RandomDataGenerator rng) {
    long from = purchases.firstOrder[i] / DAY + 3;
    long to = Math.min(people.asOfDay - 1, purchases.lastOrder[i] / DAY + 21);
    if (to < from) {
      return;
    }
    long day = Names.between(rng, from, to);
    double atRiskPenalty = people.cohort[i] == Cohort.AT_RISK ? 1.0 : 0;
    double latent = 8.4 - 1.6 * complaints[i] - atRiskPenalty + 1.4 * rng.nextGaussian();
    int nps = (int) Math.max(0, Math.min(10, Math.round(latent)));
    int csat = (int) Math.max(1, Math.min(5, Math.round(1 + 0.4 * latent + 0.4 * rng.nextGaussian())));
    double blank = rng.nextDouble();
    if (blank < 0.15) {
      nps = BLANK;
    } else if (blank < 0.30) {
      csat = BLANK;
    }
    int band = latent >= 8.5 ? 0 : latent >= 6.5 ? 1 : 2;
    int comment = rng.nextDouble() < 0.35 ? 0 : 1 + band * 8 + rng.nextInt(COMMENTS[band].length);
    surveys.add(i, day * DAY, nps | csat << 4 | comment << 8);
  }
}
