package strata.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.hipparchus.random.RandomDataGenerator;

/** Writes customers.csv: one row per simulated customer, in id (creation) order. */
final class CustomersWriter {
  static final String[] HEADER = {"客户编号", "客户名称", "行业", "规模", "地区", "负责人", "电话", "邮箱", "生日", "创建日期"};
  private static final String[] MAILBOXES = {"sales", "info", "caigou", "service", "admin", "finance"};
  private static final String[] TOP_LEVEL = {".com", ".cn", ".com.cn"};
  private static final String[] PRIVATE_MAIL = {"@163.com", "@126.com", "@sina.com"};
  /** Retries before accepting a duplicate company name; real CRMs do hold a few duplicates. */
  private static final int NAME_ATTEMPTS = 20;
  /** 王, 李, 张 are far more common than 罗. */
  private static final double[] SURNAME_WEIGHTS = decreasing(Names.SURNAMES.length, 0.15);

  private final Population people;
  private final RandomDataGenerator rng;
  private final Set<String> namesUsed = new HashSet<>();

  private CustomersWriter(Population people, RandomDataGenerator rng) {
    this.people = people;
    this.rng = rng;
  }

  static void write(Path file, Population people, RandomDataGenerator rng) throws IOException {
    CustomersWriter writer = new CustomersWriter(people, rng);
    try (CsvFile csv = new CsvFile(file, HEADER)) {
      for (int i = 0; i < people.size; i++) {
        writer.writeRow(csv, i);
      }
    }
  }

  private void writeRow(CsvFile csv, int i) throws IOException {
    String city = city(people.region[i]);
    String[] pinyin = new String[1];
    String name = people.individual[i] ? personName(pinyin) : uniqueCompanyName(i, city, pinyin);
    boolean company = !people.individual[i];
    csv.field(Population.customerId(i))
        .field(name)
        .field(company ? Names.INDUSTRIES[people.industry[i]] : Names.INDIVIDUAL_INDUSTRY)
        .field(Names.SIZES[people.sizeClass[i]])
        .field(Names.REGIONS[people.region[i]])
        .field(Names.REPS[people.rep[i]])
        .field(rng.nextDouble() < 0.03 ? "" : mobile())
        .field(company ? companyMail(i, pinyin[0]) : privateMail(pinyin[0]))
        .field(company || rng.nextDouble() < 0.25 ? "" : birthday())
        .field(CsvFile.date(people.createdDay[i]));
    csv.endRow();
  }

  /** The first cities listed in a region are the largest. */
  private String city(int region) {
    String[] cities = Names.CITIES[region];
    return cities[Names.pickWeighted(rng, decreasing(cities.length, 0.3))];
  }

  private static double[] decreasing(int n, double step) {
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      w[k] = 1 / (1 + step * k);
    }
    return w;
  }

  private String uniqueCompanyName(int i, String city, String[] pinyin) {
    String name = null;
    for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      name = companyName(i, city, pinyin);
      if (namesUsed.add(name)) {
        break;
      }
    }
    return name;
  }

  /** 杭州鑫盛信息技术有限公司, 恒达精密机械（苏州）有限公司, 上海华通实业股份有限公司. */
  private String companyName(int i, String city, String[] pinyin) {
    int a = rng.nextInt(Names.TRADE_CHARS.length);
    int b = (a + 1 + rng.nextInt(Names.TRADE_CHARS.length - 1)) % Names.TRADE_CHARS.length;
    String tradeName = Names.TRADE_CHARS[a] + Names.TRADE_CHARS[b];
    pinyin[0] = Names.TRADE_PINYIN[a] + Names.TRADE_PINYIN[b];
    String word = Names.pick(rng, Names.INDUSTRY_WORDS[people.industry[i]]);
    boolean joinStock = people.sizeClass[i] == Names.LARGE && rng.nextDouble() < 0.3;
    String form = joinStock ? "股份有限公司" : "有限公司";
    return rng.nextDouble() < 0.15
        ? tradeName + word + "（" + city + "）" + form
        : city + tradeName + word + form;
  }

  private String personName(String[] pinyin) {
    int s = Names.pickWeighted(rng, SURNAME_WEIGHTS);
    int g1 = rng.nextInt(Names.GIVEN.length);
    String name = Names.SURNAMES[s] + Names.GIVEN[g1];
    pinyin[0] = Names.SURNAME_PINYIN[s] + Names.GIVEN_PINYIN[g1];
    if (rng.nextDouble() < 0.6) {
      int g2 = rng.nextInt(Names.GIVEN.length);
      name += Names.GIVEN[g2];
      pinyin[0] += Names.GIVEN_PINYIN[g2];
    }
    return name;
  }

  private String mobile() {
    return Names.pick(rng, Names.MOBILE_PREFIXES) + CsvFile.padded("", rng.nextInt(100_000_000), 8);
  }

  private String companyMail(int i, String tradePinyin) {
    if (rng.nextDouble() < 0.15) {
      return "";
    }
    return Names.pick(rng, MAILBOXES) + "@" + tradePinyin + "-" + Names.INDUSTRY_DOMAIN[people.industry[i]]
        + Names.pick(rng, TOP_LEVEL);
  }

  private String privateMail(String namePinyin) {
    double u = rng.nextDouble();
    if (u < 0.1) {
      return "";
    }
    if (u < 0.6) {
      return (10_000 + rng.nextInt(2_000_000_000 - 10_000)) + "@qq.com";
    }
    return namePinyin + rng.nextInt(100) + Names.pick(rng, PRIVATE_MAIL);
  }

  private String birthday() {
    long ageDays = rng.nextLong(22L * 365, 65L * 365);
    return CsvFile.date(people.asOfDay - ageDays);
  }
}
