package strata.spark;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Random;

/**
 * Side files for a {@link TransactionsFile} of the same row count (its ids: C&lt;n&gt;, 客户-&lt;n&gt; for n divisible by
 * 17): customers with prospects and shared phones, interactions, surveys and accepted merge pairs, each with rows of
 * the kinds the intake refuses; and transactions appended under ids that differ only by case from others (c&lt;n&gt;).
 */
final class SideFilesWriter {
  private SideFilesWriter() {}

  record SideFiles(Path customers, Path interactions, Path surveys, Path merge) {}

  static SideFiles write(Path dir, Path transactions, int rows, long seed) throws IOException {
    Random random = new Random(seed);
    int buyers = Math.max(10, rows / 8);
    appendCaseVariants(transactions, buyers, random);
    return new SideFiles(customers(dir.resolve("customers.csv"), buyers, random),
        interactions(dir.resolve("interactions.csv"), buyers, random), surveys(dir.resolve("surveys.csv"), buyers, random),
        merge(dir.resolve("merge.csv"), buyers));
  }

  private static String id(int n) {
    return n % 17 == 0 ? "客户-" + n : "C" + n;
  }

  /** Rows of c&lt;n&gt; for some n: with --merge-case-ids, c5 and C5 are one customer. */
  private static void appendCaseVariants(Path transactions, int buyers, Random random) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(transactions, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      for (int n = 1; n < buyers; n += 97) {
        if (n % 17 == 0) continue;
        w.write("c" + n + ",X" + n + "," + LocalDate.of(2023, 1, 1).plusDays(random.nextInt(500)) + ","
            + (10 + random.nextInt(900)) + ".00,music\n");
      }
    }
  }

  /**
   * UTF-8 with a byte-order mark. Dirty: a missing id, a customer listed twice, a name with a byte that is not UTF-8
   * (bad_encoding), an unreadable birthday (kept, left empty). Some customers share a phone (duplicate candidates).
   */
  private static Path customers(Path file, int buyers, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    text(out, "客户编号,客户名称,行业,规模,地区,负责人,电话,email,生日,创建日期\n");
    String[] sizes = {"大型", "medium", "small", "微型", ""};
    String[] regions = {"华东", "华北", "华南", "西南"};
    for (int n = 0; n < buyers + buyers / 20; n++) {
      boolean prospect = n >= buyers;
      if (!prospect && random.nextInt(10) < 4) continue;
      String id = prospect ? "P" + n : id(n);
      String phone = "13" + String.format("%09d", n % 50 == 1 ? n - 1 : n); // every 50th shares its neighbour's
      String birthday = random.nextInt(100) == 0 ? "1990-02-30" : LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15000)).toString();
      String line = id + ",公司" + n + ",制造," + sizes[random.nextInt(sizes.length)] + "," + regions[n % 4] + ",sales"
          + (n % 3) + "," + phone + ",c" + n + "@example.com," + birthday + ",2020-01-01\n";
      int dirty = random.nextInt(150);
      if (dirty == 0) line = ",公司" + n + ",制造,small,华东,sales0,,,,\n";
      if (dirty == 1) {
        text(out, line);
      }
      if (dirty == 2) {
        text(out, id + ",公司");
        out.write(0xFF);
        line = n + ",制造,small,华东,sales0,,,,\n";
      }
      text(out, line);
    }
    Files.write(file, out.toByteArray());
    return file;
  }

  /** Dirty: a bad time, a missing id, a missing time; some ids no file names (counted in a note). */
  private static Path interactions(Path file, int buyers, Random random) throws IOException {
    String[] types = {"电话", "拜访", "投诉", "inquiry", "email"};
    StringBuilder s = new StringBuilder("customer_id,time,type,channel,outcome\n");
    for (int i = 0; i < buyers; i++) {
      int n = (int) Math.floor(buyers * Math.pow(random.nextDouble(), 2));
      String id = random.nextInt(60) == 0 ? "Z" + n : id(n);
      String time = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(600)) + " 10:" + (10 + random.nextInt(50));
      switch (random.nextInt(120)) {
        case 0 -> time = "yesterday";
        case 1 -> id = "";
        case 2 -> time = "";
        default -> { }
      }
      s.append(id).append(',').append(time).append(',').append(types[random.nextInt(types.length)])
          .append(",phone,done\n");
    }
    Files.writeString(file, s);
    return file;
  }

  /** Dirty: NPS out of 0..10, CSAT out of 1..5, neither answered, a bad date. */
  private static Path surveys(Path file, int buyers, Random random) throws IOException {
    StringBuilder s = new StringBuilder("客户编号,日期,NPS,CSAT,评价\n");
    for (int i = 0; i < buyers / 2; i++) {
      int n = random.nextInt(buyers);
      String nps = String.valueOf(random.nextInt(11));
      String csat = random.nextInt(3) == 0 ? "" : String.valueOf(1 + random.nextInt(5));
      String date = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(300)).toString();
      switch (random.nextInt(100)) {
        case 0 -> nps = "11";
        case 1 -> csat = "9";
        case 2 -> {
          nps = "";
          csat = "";
        }
        case 3 -> date = "2023-02-31";
        default -> { }
      }
      s.append(id(n)).append(',').append(date).append(',').append(nps).append(',').append(csat)
          .append(",\"好, 很好\"\n");
    }
    Files.writeString(file, s);
    return file;
  }

  /** Accepted pairs as a reviewed duplicates.csv has them, with a chain (C2=C3, C3=C4: one customer C2). */
  private static Path merge(Path file, int buyers) throws IOException {
    StringBuilder s = new StringBuilder("id_a,id_b,score,reasons\n");
    s.append("C2,C3,0.9,phone\nC3,C4,0.9,email\n");
    for (int n = 10; n + 5 < buyers; n += 41) s.append(id(n)).append(',').append(id(n + 5)).append(",0.8,name\n");
    Files.writeString(file, s);
    return file;
  }

  private static void text(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
