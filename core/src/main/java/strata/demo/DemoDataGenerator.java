package strata.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Generates the demo data set: the exports a Chinese B2B/B2C trading SME would really have, for
 * trying Strata without one's own data. Files are UTF-8 with a byte-order mark, CRLF, RFC 4180
 * quoting, Chinese headers the intake recognises:
 * <ul>
 *   <li>{@code customers.csv}: 客户编号, 客户名称, 行业, 规模, 地区, 负责人, 电话, 邮箱, 生日, 创建日期
 *   <li>{@code orders.csv}: 订单编号, 客户编号, 下单日期, 产品, 品类, 数量, 金额, 渠道 (one row per order
 *       line, in time order, refunds as negative 金额 under a TH number)
 *   <li>{@code interactions.csv}: 客户编号, 时间, 类型, 渠道, 结果
 *   <li>{@code surveys.csv}: 客户编号, 日期, NPS, CSAT, 评价
 * </ul>
 *
 * <p>Behaviour: each customer gets a gamma-distributed order rate and a beta-distributed chance of
 * leaving after each order (BG/NBD style), lognormal order values that grow with company size, and
 * seasonal peaks before 春节 and in Q4. About 15 % are individuals (B2C: 行业 个人, 规模 微型, a
 * person's name, often a birthday); companies have registered names and no birthday. About 5 % are
 * prospects without orders, 8 % were created in the last 180 days, and 4 % are large or medium
 * companies that ordered often and big, then stopped 300 to 540 days before as-of (the at-risk
 * cohort), complaining more before they went quiet. Some long-standing customers left before the
 * three-year order window and so have no orders either, as in any real CRM.
 *
 * <p>Dirty rows, all in orders.csv, as real exports have them; every other row is valid:
 * <ul>
 *   <li>{@value #UNPARSEABLE_AMOUNT_ROWS} rows whose 金额 is {@value #UNPARSEABLE_AMOUNT} (rejected:
 *       {@code bad_amount});
 *   <li>{@value #IMPOSSIBLE_DATE_ROWS} row dated 30 February of the year before as-of
 *       ({@code 2025-02-30 HH:mm:ss} with the defaults; rejected: {@code bad_date});
 *   <li>{@value #MISSING_CUSTOMER_ID_ROWS} row with an empty 客户编号 (rejected: {@code missing_customer_id});
 *   <li>{@value #DUPLICATE_ORDER_ROWS} line repeated byte for byte right after itself (valid, to be
 *       flagged as a duplicate, not rejected);
 *   <li>{@value #CURRENCY_FORMATTED_AMOUNT_ROWS} printer order whose 金额 is written
 *       {@code "¥1,280.00"} (quoted because of the comma): valid, worth 1280.00 yuan, must be accepted.
 * </ul>
 * These extra rows are added beside the simulated orders, never in place of one; all but the one with
 * an empty id belong to a customer who has a real order at that time. The other three files have no
 * dirty rows.
 */
public final class DemoDataGenerator {
  /** File name of the customer master data. */
  public static final String CUSTOMERS_FILE = "customers.csv";
  /** File name of the order lines. */
  public static final String ORDERS_FILE = "orders.csv";
  /** File name of the CRM contact log. */
  public static final String INTERACTIONS_FILE = "interactions.csv";
  /** File name of the satisfaction surveys. */
  public static final String SURVEYS_FILE = "surveys.csv";

  /** Rows of orders.csv whose amount is {@link #UNPARSEABLE_AMOUNT}. */
  public static final int UNPARSEABLE_AMOUNT_ROWS = 2;
  /** Rows of orders.csv dated 30 February. */
  public static final int IMPOSSIBLE_DATE_ROWS = 1;
  /** Rows of orders.csv with an empty customer id. */
  public static final int MISSING_CUSTOMER_ID_ROWS = 1;
  /** Rows of orders.csv the intake must reject: the three kinds above. */
  public static final int REJECTED_ORDER_ROWS =
      UNPARSEABLE_AMOUNT_ROWS + IMPOSSIBLE_DATE_ROWS + MISSING_CUSTOMER_ID_ROWS;
  /** Exact repeats of the previous line in orders.csv: accepted, counted as duplicates. */
  public static final int DUPLICATE_ORDER_ROWS = 1;
  /** Valid rows whose amount is written {@link #CURRENCY_FORMATTED_AMOUNT}. */
  public static final int CURRENCY_FORMATTED_AMOUNT_ROWS = 1;
  /** The 金额 written in the unparseable-amount rows. */
  public static final String UNPARSEABLE_AMOUNT = "N/A";
  /** The 金额 field's value once unquoted; it means 1280.00 yuan. */
  public static final String CURRENCY_FORMATTED_AMOUNT = "¥1,280.00";

  // Each file draws from its own stream, so changing how one file is made leaves the others as they were.
  private static final int POPULATION = 1;
  private static final int ORDERS = 2;
  private static final int CUSTOMERS = 3;
  private static final int ORDER_LINES = 4;
  private static final int INTERACTIONS = 5;
  private static final int SURVEYS = 6;
  private static final int WIN_BACK = 7;

  private DemoDataGenerator() {}

  /**
   * Writes the four demo files into {@code dir}, creating it if needed and replacing files of the
   * same names.
   *
   * @param dir output directory
   * @param options seed, number of customers and as-of date
   * @return the paths of the files written
   * @throws IOException if the directory cannot be created or a file cannot be written
   */
  public static DemoFiles write(Path dir, DemoOptions options) throws IOException {
    Objects.requireNonNull(dir, "output directory is required");
    Objects.requireNonNull(options, "options are required (DemoOptions.defaults() for the usual demo)");
    Files.createDirectories(dir);
    DemoFiles files = new DemoFiles(dir.resolve(CUSTOMERS_FILE), dir.resolve(ORDERS_FILE),
        dir.resolve(INTERACTIONS_FILE), dir.resolve(SURVEYS_FILE));
    Population people = Population.simulate(options, stream(options, POPULATION));
    Purchases purchases = Purchases.simulate(people, stream(options, ORDERS));
    purchases.plantWinBack(people, stream(options, WIN_BACK));
    CustomersWriter.write(files.customers(), people, stream(options, CUSTOMERS));
    OrdersWriter.write(files.transactions(), people, purchases, stream(options, ORDER_LINES));
    int[] complaints = InteractionsWriter.write(files.interactions(), people, purchases,
        stream(options, INTERACTIONS));
    SurveysWriter.write(files.surveys(), people, purchases, complaints, stream(options, SURVEYS));
    return files;
  }

  /** The simulated population behind a data set, for tests that check cohorts against the files. */
  static Population population(DemoOptions options) {
    return Population.simulate(options, stream(options, POPULATION));
  }

  private static RandomDataGenerator stream(DemoOptions options, int stream) {
    // SplitMix64 finaliser: nearby seeds and stream numbers give unrelated generator states.
    long z = options.seed() + stream * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new RandomDataGenerator(z ^ (z >>> 31));
  }
}
