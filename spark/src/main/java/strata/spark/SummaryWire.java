package strata.spark;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import strata.summary.CustomerSummary;

/**
 * Customers' summaries as one byte array for the shuffle. Java serialization of a range's customers object by object
 * (a summary, its id, day and order arrays and category map each) spent most of its time in the stream's table of
 * objects written (bench/README.md, "The Spark engine reads the file once"), and the tasks write and read little else.
 */
final class SummaryWire {
  private SummaryWire() {}

  static byte[] write(List<FirstSeen> customers) {
    List<byte[]> ids = new ArrayList<>(customers.size());
    int size = 4;
    for (FirstSeen c : customers) {
      CustomerSummary s = c.summary();
      byte[] id = s.customerId().getBytes(UTF_8);
      ids.add(id);
      size += 8 + 4 + id.length + 4 + 4 * s.purchaseDays().length + 4 + 8 * s.orderKeys().length + 5 * 8 + 4;
      for (String category : s.categoryLines().keySet()) size += 4 + category.getBytes(UTF_8).length + 8;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(customers.size());
    for (int i = 0; i < customers.size(); i++) {
      FirstSeen c = customers.get(i);
      CustomerSummary s = c.summary();
      out.putLong(c.firstRow());
      out.putInt(ids.get(i).length).put(ids.get(i));
      out.putInt(s.purchaseDays().length);
      for (int day : s.purchaseDays()) out.putInt(day);
      out.putInt(s.orderKeys().length);
      for (long key : s.orderKeys()) out.putLong(key);
      out.putLong(s.linesWithoutOrderId()).putLong(s.lines()).putLong(s.netCents()).putLong(s.refundCents())
          .putLong(s.firstDayNetCents());
      out.putInt(s.categoryLines().size());
      for (Map.Entry<String, Long> e : s.categoryLines().entrySet()) {
        byte[] name = e.getKey().getBytes(UTF_8);
        out.putInt(name.length).put(name).putLong(e.getValue());
      }
    }
    return out.array();
  }

  static List<FirstSeen> read(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      int n = in.getInt();
      List<FirstSeen> customers = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        long firstRow = in.getLong();
        String id = text(in);
        int[] days = new int[in.getInt()];
        for (int d = 0; d < days.length; d++) days[d] = in.getInt();
        long[] orderKeys = new long[in.getInt()];
        for (int k = 0; k < orderKeys.length; k++) orderKeys[k] = in.getLong();
        long withoutOrderId = in.getLong();
        long lines = in.getLong();
        long netCents = in.getLong();
        long refundCents = in.getLong();
        long firstDayNetCents = in.getLong();
        int categoryCount = in.getInt();
        Map<String, Long> categories = new TreeMap<>();
        for (int c = 0; c < categoryCount; c++) categories.put(text(in), in.getLong());
        customers.add(new FirstSeen(firstRow, new CustomerSummary(id, days, orderKeys, withoutOrderId, lines, netCents,
            refundCents, firstDayNetCents, categories)));
      }
      if (in.hasRemaining()) throw new IllegalStateException("a shuffled piece of customers has bytes left over");
      return customers;
    } catch (BufferUnderflowException | NegativeArraySizeException e) {
      throw new IllegalStateException("a shuffled piece of customers is cut short", e);
    }
  }

  private static String text(ByteBuffer in) {
    byte[] bytes = new byte[in.getInt()];
    in.get(bytes);
    return new String(bytes, UTF_8);
  }
}
