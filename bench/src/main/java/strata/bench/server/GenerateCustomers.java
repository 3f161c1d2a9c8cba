package strata.bench.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the customers file for the server benchmark: one row per id {@code C0000000 … C<n-1>} (the ids
 * {@link strata.bench.GenerateTransactions} uses for the same customer count, 7 digits or more), with owners, so
 * sales scoping and owner filters select real subsets, and Chinese company names, so text search has something to
 * match. Owners get customers unevenly (a few large books, many small ones), as in a real sales team.
 */
@Command(name = "generate-customers", mixinStandardHelpOptions = true,
    description = "Writes a synthetic customers CSV (id, name, industry, size, region, owner, phone, email, created).")
public final class GenerateCustomers implements Callable<Integer> {
  static final String[] CITIES = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "西安", "重庆",
      "天津", "长沙", "郑州", "青岛", "宁波", "合肥", "厦门", "福州", "济南"};
  static final String[] WORDS = {"华信", "恒达", "中科", "鼎盛", "瑞丰", "博远", "金桥", "新元", "汇通", "东方", "星河", "宏图",
      "安泰", "海润", "天成", "明德", "智联", "启航", "永安", "万象", "嘉禾", "卓越", "正泰", "云帆"};
  static final String[] KINDS = {"科技", "贸易", "制造", "物流", "餐饮", "建材", "电子", "医药", "咨询", "传媒"};
  static final String[] INDUSTRIES = {"制造业", "批发零售", "信息技术", "餐饮住宿", "建筑", "物流运输", "医疗健康", "教育",
      "金融服务", "文化传媒"};
  static final String[] SIZES = {"微型", "小型", "中型", "大型"};
  static final String[] REGIONS = {"华北", "华东", "华南", "华中", "西南", "西北", "东北"};
  static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
      "郭", "何", "林", "罗", "高"};

  @Option(names = "--customers", required = true, description = "Number of customers.")
  int customers;

  @Option(names = "--owners", defaultValue = "200", description = "Number of sales owners (default ${DEFAULT-VALUE}).")
  int owners;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Output CSV file.")
  Path out;

  @Option(names = "--owners-out", description = "Also write the owner names, one a line, most customers first.")
  Path ownersOut;

  public static void main(String[] args) {
    System.exit(new CommandLine(new GenerateCustomers()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    if (customers < 1 || owners < 1) {
      System.err.println("generate-customers: --customers and --owners must be at least 1");
      return 2;
    }
    String[] ownerNames = ownerNames(owners);
    int digits = Math.max(7, Long.toString(customers - 1L).length());
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate firstCreated = LocalDate.of(2015, 1, 1);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("customer_id,name,industry,size,region,owner,phone,email,created\n");
      StringBuilder sb = new StringBuilder(160);
      for (int i = 0; i < customers; i++) {
        sb.setLength(0);
        String id = "C" + pad(i, digits);
        sb.append(id).append(',')
            .append(pick(CITIES, random)).append(pick(WORDS, random)).append(pick(KINDS, random)).append("有限公司")
            .append(i % 7 == 0 ? "（" + pick(CITIES, random) + "分公司）" : "").append(',')
            .append(pick(INDUSTRIES, random)).append(',')
            .append(pick(SIZES, random)).append(',')
            .append(pick(REGIONS, random)).append(',')
            .append(ownerNames[owner(random, owners)]).append(',')
            .append("1").append(30 + random.nextInt(70)).append(pad(random.nextInt(100_000_000), 8)).append(',')
            .append("contact").append(i).append("@example.cn").append(',')
            .append(firstCreated.plusDays(random.nextInt(3650))).append('\n');
        w.write(sb.toString());
      }
    }
    if (ownersOut != null) Files.write(ownersOut, java.util.List.of(ownerNames), StandardCharsets.UTF_8);
    return 0;
  }

  /** Distinct two- or three-character names: surname + given name + a number when the names run out. */
  static String[] ownerNames(int n) {
    String[] given = {"伟", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军"};
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      int combo = i % (SURNAMES.length * given.length);
      int round = i / (SURNAMES.length * given.length);
      names[i] = SURNAMES[combo % SURNAMES.length] + given[combo / SURNAMES.length] + (round == 0 ? "" : round + 1);
    }
    return names;
  }

  /** Owner index skewed towards low numbers: owner k has a book roughly proportional to 1/(k+10). */
  static int owner(SplittableRandom random, int owners) {
    double u = random.nextDouble();
    double span = Math.log((owners + 10.0) / 10.0);
    return Math.min(owners - 1, (int) (10.0 * Math.exp(u * span) - 10.0));
  }

  private static String pick(String[] values, SplittableRandom random) {
    return values[random.nextInt(values.length)];
  }

  private static String pad(long v, int digits) {
    String s = Long.toString(v);
    return s.length() >= digits ? s : "0".repeat(digits - s.length()) + s;
  }
}
