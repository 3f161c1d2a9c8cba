package strata.demo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The valid order lines of orders.csv, parsed independently of the generator's formatting code, plus
 * per-customer totals. Rows the intake must reject (empty id, impossible date, unparseable amount)
 * are left out and counted.
 */
final class DemoOrders {
  record Line(String number, String customerId, LocalDateTime time, String product, long quantity,
      BigDecimal amount, String channel) {}

  record Totals(BigDecimal spend, long orders, LocalDateTime first, LocalDateTime last) {}

  // STRICT with 'uuuu' rejects 30 February instead of moving it to the 28th (DateTimeFormatter Javadoc).
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  final List<Line> lines = new ArrayList<>();
  final Map<String, Totals> byCustomer = new HashMap<>();
  int rejected;

  DemoOrders(DemoCsv csv) {
    for (List<String> row : csv.rows()) {
      Line line = parse(row, csv);
      if (line == null) {
        rejected++;
      } else {
        lines.add(line);
      }
    }
    Map<String, java.util.Set<String>> numbers = new HashMap<>();
    for (Line l : lines) {
      numbers.computeIfAbsent(l.customerId(), c -> new java.util.HashSet<>()).add(l.number());
      byCustomer.merge(l.customerId(), new Totals(l.amount(), 0, l.time(), l.time()), (a, b) ->
          new Totals(a.spend().add(b.spend()), 0, min(a.first(), b.first()), max(a.last(), b.last())));
    }
    byCustomer.replaceAll((c, t) -> new Totals(t.spend(),
        numbers.get(c).stream().filter(n -> n.startsWith("SO")).count(), t.first(), t.last()));
  }

  private static Line parse(List<String> row, DemoCsv csv) {
    String customer = row.get(csv.column("客户编号"));
    String amount = row.get(csv.column("金额")).replace("¥", "").replace(",", "");
    if (customer.isEmpty()) {
      return null;
    }
    try {
      return new Line(row.get(csv.column("订单编号")), customer,
          LocalDateTime.parse(row.get(csv.column("下单日期")), TIME), row.get(csv.column("产品")),
          Long.parseLong(row.get(csv.column("数量"))), new BigDecimal(amount), row.get(csv.column("渠道")));
    } catch (DateTimeParseException | NumberFormatException e) {
      return null;
    }
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
