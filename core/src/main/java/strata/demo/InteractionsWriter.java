package strata.demo;

import java.io.IOException;
import java.nio.file.Path;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Writes interactions.csv (CRM contact log) in time order. Active customers are contacted more;
 * complaints cluster among customers who later went quiet, most of all the at-risk cohort in the
 * months before it stopped ordering, which is the signal a churn rule should be able to find.
 */
final class InteractionsWriter {
  static final String[] HEADER = {"客户编号", "时间", "类型", "渠道", "结果"};
  static final String[] TYPES = {"电话", "拜访", "投诉", "咨询"};
  static final String[] CHANNELS = {"电话", "微信", "邮件", "在线客服", "上门拜访"};
  static final String[] OUTCOMES = {"已解决", "跟进中", "成交", "无意向"};
  private static final int CALL = 0;
  private static final int VISIT = 1;
  private static final int COMPLAINT = 2;
  private static final int QUESTION = 3;
  private static final int DAY = 86_400;
  private static final double[] COMPLAINT_CHANNELS = {0.4, 0.3, 0.1, 0.2, 0};
  private static final double[] QUESTION_CHANNELS = {0.2, 0.4, 0.1, 0.3, 0};

  private final Population people;
  private final Purchases purchases;
  private final RandomDataGenerator rng;
  private final TimedEvents log;
  private final int[] complaints;

  private InteractionsWriter(Population people, Purchases purchases, RandomDataGenerator rng) {
    this.people = people;
    this.purchases = purchases;
    this.rng = rng;
    this.log = new TimedEvents(people.windowStartDay * DAY);
    this.complaints = new int[people.size];
  }

  /** Writes the file and returns the number of complaints per customer, which drives the surveys. */
  static int[] write(Path file, Population people, Purchases purchases, RandomDataGenerator rng)
      throws IOException {
    InteractionsWriter w = new InteractionsWriter(people, purchases, rng);
    for (int i = 0; i < people.size; i++) {
      w.simulateCustomer(i);
    }
    w.log.sortByTime();
    try (CsvFile csv = new CsvFile(file, HEADER)) {
      for (int k = 0; k < w.log.count(); k++) {
        int packed = (int) w.log.payload(k);
        csv.field(Population.customerId(w.log.customer(k))).field(CsvFile.dateTime(w.log.second(k)))
            .field(TYPES[packed / 100]).field(CHANNELS[packed / 10 % 10]).field(OUTCOMES[packed % 10]);
        csv.endRow();
      }
    }
    return w.complaints;
  }

  private void simulateCustomer(int i) {
    long firstDay = Math.max(people.createdDay[i], people.windowStartDay);
    boolean prospect = people.cohort[i] == Cohort.PROSPECT;
    int orders = purchases.orderCount[i];
    long lastActiveDay = orders > 0 ? purchases.lastOrder[i] / DAY + 90 : firstDay + 180;
    long endDay = prospect ? people.asOfDay : Math.min(people.asOfDay, lastActiveDay);
    int count = prospect ? 1 + rng.nextPoisson(1.5) : Math.min(80, rng.nextPoisson(0.8 + 0.35 * orders));
    double complaintShare = complaintShare(i);
    for (int n = 0; n < count; n++) {
      int type = rng.nextDouble() < complaintShare && !prospect ? COMPLAINT : contactType(i, prospect);
      add(i, type, firstDay, endDay, prospect);
    }
    if (people.cohort[i] == Cohort.AT_RISK) {
      // Unresolved trouble in the months before the big customer stopped ordering.
      int extra = 1 + rng.nextPoisson(1.0);
      for (int n = 0; n < extra; n++) {
        add(i, COMPLAINT, Math.max(firstDay, people.endDay[i] - 150L), people.endDay[i], false);
      }
    }
  }

  private double complaintShare(int i) {
    if (people.cohort[i] == Cohort.AT_RISK) {
      return 0.25;
    }
    boolean wentQuiet = purchases.orderCount[i] > 0 && purchases.lastOrder[i] / DAY < people.asOfDay - 365;
    return wentQuiet ? 0.18 : 0.04;
  }

  private int contactType(int i, boolean prospect) {
    double u = rng.nextDouble();
    boolean company = !people.individual[i];
    double visitShare = company ? (prospect ? 0.1 : 0.25) : 0;
    double questionShare = prospect ? 0.5 : 0.35;
    return u < visitShare ? VISIT : u < visitShare + questionShare ? QUESTION : CALL;
  }

  private void add(int i, int type, long fromDay, long toDay, boolean prospect) {
    if (toDay <= fromDay) {
      return;
    }
    long day = Names.between(rng, fromDay, toDay - 1);
    long second = day * DAY + Purchases.timeOfDay(true, rng);
    int channel = switch (type) {
      case CALL -> 0;
      case VISIT -> 4;
      case COMPLAINT -> Names.pickWeighted(rng, COMPLAINT_CHANNELS);
      default -> Names.pickWeighted(rng, QUESTION_CHANNELS);
    };
    log.add(i, second, type * 100 + channel * 10 + outcome(i, type, prospect));
    if (type == COMPLAINT) {
      complaints[i]++;
    }
  }

  /** Index into {@link #OUTCOMES}: 已解决, 跟进中, 成交, 无意向. */
  private int outcome(int i, int type, boolean prospect) {
    double u = rng.nextDouble();
    if (prospect) {
      return u < 0.55 ? 1 : 3;
    }
    if (type == COMPLAINT) {
      double resolved = complaintShare(i) > 0.1 ? 0.4 : 0.75;
      return u < resolved ? 0 : 1;
    }
    if (type == QUESTION) {
      return u < 0.6 ? 0 : u < 0.8 ? 2 : 1;
    }
    return u < 0.35 ? 2 : u < 0.8 ? 1 : 3;
  }
}
