package strata.bench.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import strata.intake.CustomerProfile;

/**
 * Customer records with planted duplicates: each planted record copies an earlier one with its phone re-formatted
 * (+86, spaces), its e-mail in upper case and its legal form changed (有限公司 → 股份有限公司). Everything else is drawn
 * at random: names from 3,500 common characters (so a few distinct customers share a name, as in real files), mobiles
 * or landlines, personal e-mail addresses. Deterministic for a seed.
 */
public final class SyntheticProfiles {
  private SyntheticProfiles() {}

  /** The records, and for each planted duplicate the pair {original index, copy index}. */
  public record Planted(List<CustomerProfile> profiles, List<int[]> pairs) {}

  public static Planted generate(int customers, double duplicateShare, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<CustomerProfile> out = new ArrayList<>(customers);
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      if (i > 10 && rnd.nextDouble() < duplicateShare) {
        int of = rnd.nextInt(i);
        CustomerProfile o = out.get(of);
        if (o.name().endsWith("有限公司") && !o.name().endsWith("股份有限公司")) {
          out.add(copy(o, "C" + i, rnd));
          pairs.add(new int[] {of, i});
          continue;
        }
      }
      out.add(fresh("C" + i, rnd));
    }
    return new Planted(out, pairs);
  }

  private static CustomerProfile fresh(String id, SplittableRandom rnd) {
    StringBuilder name = new StringBuilder(CITIES[rnd.nextInt(CITIES.length)]);
    int len = 2 + rnd.nextInt(3);
    for (int k = 0; k < len; k++) name.append((char) (0x4E00 + rnd.nextInt(3500)));
    name.append(TRADES[rnd.nextInt(TRADES.length)]).append(rnd.nextInt(4) == 0 ? "股份有限公司" : "有限公司");
    String phone = rnd.nextBoolean()
        ? "1" + (3 + rnd.nextInt(7)) + digits(rnd, 9)
        : "0" + (10 + rnd.nextInt(89)) + "-" + (2 + rnd.nextInt(8)) + digits(rnd, 7);
    String email = "u" + Long.toString(rnd.nextLong() & Long.MAX_VALUE, 36) + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
    return new CustomerProfile(id, name.toString(), "", "", "", "", phone, email, null, null);
  }

  private static CustomerProfile copy(CustomerProfile o, String id, SplittableRandom rnd) {
    String name = o.name().substring(0, o.name().length() - 4) + "股份有限公司";
    String phone = o.phone().startsWith("1") ? "+86 " + o.phone().substring(0, 3) + " " + o.phone().substring(3)
        : "(" + o.phone().replace("-", ") ");
    return new CustomerProfile(id, name, "", "", "", "", phone, " " + o.email().toUpperCase() + " ", null, null);
  }

  private static String digits(SplittableRandom rnd, int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int k = 0; k < n; k++) sb.append((char) ('0' + rnd.nextInt(10)));
    return sb.toString();
  }

  private static final String[] CITIES = {"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "苏州", "天津"};
  private static final String[] TRADES = {"科技", "贸易", "物流", "实业", "电子", "食品", "建设", "咨询"};
  private static final String[] DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "example.cn"};
}
