package strata.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.PriorityQueue;
import org.hipparchus.random.RandomDataGenerator;
import strata.demo.Catalog.Product;

/**
 * Writes orders.csv in time order: each simulated order becomes one or more product lines sharing an
 * 订单编号, a few lines are later refunded (negative 金额 under a TH number), and the dirty rows
 * documented on {@link DemoDataGenerator} are slipped in at fixed points of the stream.
 */
final class OrdersWriter {
  static final String[] HEADER = {"订单编号", "客户编号", "下单日期", "产品", "品类", "数量", "金额", "渠道"};
  private static final double REFUND_PROBABILITY = 0.015;
  private static final double[] COMPANY_LINE_COUNTS = {0.55, 0.22, 0.12, 0.07, 0.04};
  private static final double[] PRIVATE_LINE_COUNTS = {0.85, 0.15};

  private record Refund(long second, long sequence, int customer, String number, Product product,
      long quantity, long unitCents, int channel) {}

  private final Population people;
  private final TimedEvents orders;
  private final RandomDataGenerator rng;
  private final CsvFile csv;
  private final DirtyRows dirty;
  private final PriorityQueue<Refund> refunds = new PriorityQueue<>(
      Comparator.comparingLong(Refund::second).thenComparingLong(Refund::sequence));
  private long refundSequence;
  private long currentDay = Long.MIN_VALUE;
  private String currentDayDigits;
  private int daySequence;

  private OrdersWriter(Population people, Purchases purchases, RandomDataGenerator rng, CsvFile csv) {
    this.people = people;
    this.orders = purchases.orders;
    this.rng = rng;
    this.csv = csv;
    this.dirty = new DirtyRows(orders, LocalDate.ofEpochDay(people.asOfDay));
  }

  static void write(Path file, Population people, Purchases purchases, RandomDataGenerator rng)
      throws IOException {
    try (CsvFile csv = new CsvFile(file, HEADER)) {
      new OrdersWriter(people, purchases, rng, csv).writeAll();
    }
  }

  private void writeAll() throws IOException {
    for (int k = 0; k < orders.count(); k++) {
      flushRefundsUpTo(orders.second(k));
      writeOrder(k);
      writeDirtyRowsAfter(k);
    }
    flushRefundsUpTo(Long.MAX_VALUE);
  }

  private void writeOrder(int k) throws IOException {
    int customer = orders.customer(k);
    long second = orders.second(k);
    String number = nextOrderNumber(second);
    int channel = channel(customer);
    double[] shares = lineShares(customer);
    // Companies negotiate a discount per order; individuals pay list price.
    double discount = people.individual[customer] ? 1.0 : 0.85 + 0.15 * rng.nextDouble();
    Set<Product> inOrder = new HashSet<>();
    for (int line = 0; line < shares.length; line++) {
      double lineValue = orders.payload(k) * shares[line];
      Product product = product(customer, lineValue, inOrder);
      inOrder.add(product);
      long unitCents = Math.max(1, Math.round(product.listPriceCents() * discount));
      long quantity = Math.max(1, Math.round(lineValue * 100 / unitCents));
      writeLine(number, customer, CsvFile.dateTime(second), product, quantity, quantity * unitCents, channel);
      if (line == 0 && rng.nextDouble() < REFUND_PROBABILITY) {
        scheduleRefund(second, customer, number, product, quantity, unitCents, channel);
      }
    }
  }

  private void writeLine(String number, int customer, String dateTime, Product product, long quantity,
      long amountCents, int channel) throws IOException {
    writeLine(number, Population.customerId(customer), dateTime, product, quantity,
        CsvFile.amount(amountCents), channel);
  }

  private void writeLine(String number, String customerId, String dateTime, Product product,
      long quantity, String amount, int channel) throws IOException {
    csv.field(number).field(customerId).field(dateTime).field(product.name())
        .field(Catalog.CATEGORIES[product.category()]).field(Long.toString(quantity)).field(amount)
        .field(Population.CHANNELS[channel]);
    csv.endRow();
  }

  /** SO + yyyyMMdd + a 4-digit sequence within the day, as typical ERP exports number orders. */
  private String nextOrderNumber(long second) {
    long day = Math.floorDiv(second, 86_400);
    if (day != currentDay) {
      currentDay = day;
      currentDayDigits = CsvFile.date(day).replace("-", "");
      daySequence = 0;
    }
    return CsvFile.padded("SO" + currentDayDigits, ++daySequence, 4);
  }

  /** Mostly the customer's usual channel; individuals never come through sales visits or dealers. */
  private int channel(int customer) {
    if (rng.nextDouble() < 0.75) {
      return people.preferredChannel[customer];
    }
    return people.individual[customer] ? rng.nextInt(2) : rng.nextInt(Population.CHANNELS.length);
  }

  /** Dirichlet(1, ..., 1) split of the order value over its lines. */
  private double[] lineShares(int customer) {
    double[] counts = people.individual[customer] ? PRIVATE_LINE_COUNTS : COMPANY_LINE_COUNTS;
    double[] shares = new double[1 + Names.pickWeighted(rng, counts)];
    double total = 0;
    for (int l = 0; l < shares.length; l++) {
      shares[l] = rng.nextExponential(1);
      total += shares[l];
    }
    for (int l = 0; l < shares.length; l++) {
      shares[l] /= total;
    }
    return shares;
  }

  /**
   * A product the customer's industry usually buys, preferring one whose price suits the line value
   * (no 0.3 of a projector, no 40,000 pens for a small shop).
   */
  private Product product(int customer, double lineValue, Set<Product> alreadyInOrder) {
    int[] favourites = Catalog.favourites(people.industry[customer]);
    Product best = null;
    double bestMisfit = Double.MAX_VALUE;
    for (int attempt = 0; attempt < 6; attempt++) {
      Product p = randomProduct(favourites);
      if (alreadyInOrder.contains(p)) {
        continue;
      }
      double units = lineValue * 100 / p.listPriceCents();
      double misfit = units < 1 ? 1 / units : units > 300 ? units / 300 : 1;
      if (misfit < bestMisfit) {
        best = p;
        bestMisfit = misfit;
      }
      if (misfit == 1) {
        break;
      }
    }
    if (best == null) { // unlucky draws: any product not yet in the order (orders have at most 5 lines)
      best = Arrays.stream(Catalog.PRODUCTS).filter(p -> !alreadyInOrder.contains(p)).findFirst().orElseThrow();
    }
    return best;
  }

  private Product randomProduct(int[] favourites) {
    int category = rng.nextDouble() < 0.7
        ? favourites[rng.nextInt(favourites.length)]
        : rng.nextInt(Catalog.CATEGORIES.length);
    Product[] products = Catalog.BY_CATEGORY[category];
    return products[rng.nextInt(products.length)];
  }

  /** Returns of part of a line 2-30 days later; returns that would fall after as-of are not written. */
  private void scheduleRefund(long second, int customer, String number, Product product, long quantity,
      long unitCents, int channel) {
    long refundSecond = second + rng.nextLong(2, 30) * 86_400 + rng.nextInt(4 * 3600) - 2 * 3600;
    if (refundSecond < people.asOfDay * 86_400) {
      long returned = Names.between(rng, 1, quantity);
      refunds.add(new Refund(refundSecond, refundSequence++, customer, "TH" + number.substring(2),
          product, returned, unitCents, channel));
    }
  }

  private void flushRefundsUpTo(long second) throws IOException {
    while (!refunds.isEmpty() && refunds.peek().second() <= second) {
      Refund r = refunds.poll();
      writeLine(r.number(), r.customer(), CsvFile.dateTime(r.second()), r.product(), -r.quantity(),
          -r.quantity() * r.unitCents(), r.channel());
    }
  }

  private void writeDirtyRowsAfter(int k) throws IOException {
    List<DirtyRows.Kind> kinds = dirty.after(k);
    if (kinds.isEmpty()) {
      return;
    }
    int customer = orders.customer(k);
    String id = Population.customerId(customer);
    String dateTime = CsvFile.dateTime(orders.second(k));
    int channel = people.preferredChannel[customer];
    Product product = product(customer, orders.payload(k), Set.of());
    for (DirtyRows.Kind kind : kinds) {
      switch (kind) {
        case UNPARSEABLE_AMOUNT -> writeLine(nextOrderNumber(orders.second(k)), id, dateTime, product, 1,
            DemoDataGenerator.UNPARSEABLE_AMOUNT, channel);
        case IMPOSSIBLE_DATE -> writeLine(dirty.impossibleDateOrderNumber(), id,
            dirty.impossibleDate() + dateTime.substring(10), product, 1,
            CsvFile.amount(product.listPriceCents()), channel);
        case MISSING_CUSTOMER_ID -> writeLine(nextOrderNumber(orders.second(k)), "", dateTime, product, 1,
            CsvFile.amount(product.listPriceCents()), channel);
        case DUPLICATE_LINE -> csv.repeatLastRow();
        case CURRENCY_FORMATTED_AMOUNT -> writeLine(nextOrderNumber(orders.second(k)), id, dateTime,
            Catalog.PRINTER, 1, DemoDataGenerator.CURRENCY_FORMATTED_AMOUNT, channel);
      }
    }
  }
}
