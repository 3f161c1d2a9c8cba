package strata.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * A generated transactions file: orders of one or two lines, refunds, ids with Chinese characters, and about 1 % dirty
 * rows of each kind the intake refuses (bad date, bad amount, missing id, wrong field count, future date, a byte that
 * is not UTF-8), rows repeated exactly, and a few typing errors far above the usual amounts (outliers, kept by
 * default).
 */
final class TransactionsFile {
  private TransactionsFile() {}

  static final String HEADER = "customer_id,order_id,order_date,amount,category";

  /** 400 clean rows of 90 customers (ids in lower case, c0 to c89), no side files: a run small enough to score in parts. */
  static Path small(Path dir) throws IOException {
    Path tx = dir.resolve("orders.csv");
    StringBuilder csv = new StringBuilder("customer_id,order_date,amount\n");
    for (int row = 0; row < 400; row++) {
      csv.append("c").append(row % 90).append(",2024-0").append(1 + row % 9).append("-1").append(row % 10)
          .append(',').append(10 + row % 7).append(".5\n");
    }
    return Files.writeString(tx, csv);
  }

  static void write(Path file, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    int customers = Math.max(10, rows / 8);
    LocalDate start = LocalDate.of(2022, 1, 1);
    String[] categories = {"书籍", "music", "video", "家电", "\"toys, games\""};
    try (OutputStream w = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      text(w, HEADER + "\n");
      int order = 0;
      for (int i = 0; i < rows; i++) {
        // Skewed: a few customers buy often, most rarely, so RFM and ABC see ties and long tails.
        int c = (int) Math.floor(customers * Math.pow(random.nextDouble(), 2.5));
        String id = c % 17 == 0 ? "客户-" + c : "C" + c;
        String day = start.plusDays(random.nextInt(900)).toString();
        long cents = 100 + (long) (random.nextDouble() * random.nextDouble() * 50_000);
        if (random.nextInt(40) == 0) cents = -cents / 2; // a refund
        String amount = (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
        String category = categories[random.nextInt(categories.length)];
        if (random.nextInt(20_000) == 0) amount = "9999999.00"; // ¥9,999,999 typed for ¥99.99: an outlier
        int dirty = random.nextInt(500);
        String line = switch (dirty) {
          case 0 -> id + ",O" + order + ",2024-13-45," + amount + "," + category;
          case 1 -> id + ",O" + order + "," + day + ",abc," + category;
          case 2 -> ",O" + order + "," + day + "," + amount + "," + category;
          case 3 -> id + ",O" + order + "," + day;
          case 4 -> id + ",O" + order + ",2999-01-01," + amount + "," + category;
          case 5 -> id + ",O" + order + "," + day + "," + amount + ",B?AD"; // ? becomes the byte 0xFF
          default -> id + ",O" + order + "," + day + "," + amount + "," + category;
        };
        byte[] row = (line + "\n").getBytes(StandardCharsets.UTF_8);
        if (dirty == 5) row[row.length - 4] = (byte) 0xFF; // not UTF-8: bad_encoding
        w.write(row);
        if (random.nextInt(300) == 0) {
          w.write(row); // an export error: the row twice
          i++;
        }
        // Most orders have one line; some a second one in another category (an order spans lines, maybe ranges).
        if (random.nextInt(5) != 0) order++;
      }
    }
  }

  private static void text(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }
}
