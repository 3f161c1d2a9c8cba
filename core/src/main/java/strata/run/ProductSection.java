package strata.run;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import strata.i18n.Labels;
import strata.product.ItemTally;
import strata.product.ProductPreferences;
import strata.report.Html;
import strata.report.ReportSection;
import strata.tier.TierRule;

/** The report's product preference section: each tier's leading categories by share of the tier's spend. */
public final class ProductSection {
  private static final int SHOWN = 3;

  private ProductSection() {}

  /** The section, or null when the run did not compute product preference. */
  public static ReportSection of(RunResult run, Locale locale) {
    ScoredCustomers s = run.customers();
    ProductPreferences products = s.products;
    if (products == null) return null;
    boolean zh = locale.getLanguage().equals("zh");
    List<TierRule> tiers = run.model().tiers();
    List<Map<String, Long>> spend = new java.util.ArrayList<>();
    for (int t = 0; t < tiers.size(); t++) spend.add(new TreeMap<>());
    long[] buyers = new long[tiers.size()];
    for (int i = 0; i < s.purchasers; i++) {
      var bought = products.byCustomer()[i];
      if (bought == null || bought.categories().isEmpty()) continue;
      buyers[s.tier[i]]++;
      Map<String, Long> tierSpend = spend.get(s.tier[i]);
      for (ItemTally.Item item : bought.categories().bySpend()) tierSpend.merge(item.name(), item.cents(), Long::sum);
    }
    StringBuilder html = new StringBuilder("<p class=\"note\">")
        .append(Html.escape(Labels.get("product.report.note", locale))).append("</p><table><thead><tr><th>")
        .append(Html.escape(Labels.get("product.report.tier", locale))).append("</th><th>")
        .append(Html.escape(Labels.get("product.report.customers", locale))).append("</th><th>")
        .append(Html.escape(Labels.get("product.report.top", locale))).append("</th></tr></thead><tbody>");
    for (int t = 0; t < tiers.size(); t++) {
      html.append("<tr><td>").append(Html.escape(tiers.get(t).name(zh))).append("</td><td>").append(buyers[t])
          .append("</td><td>").append(Html.escape(leading(spend.get(t)))).append("</td></tr>");
    }
    html.append("</tbody></table>");
    return new ReportSection("products", Labels.get("product.report.heading", locale), html.toString());
  }

  /** E.g. "办公用品 62.0 %, 耗材 30.1 %": the tier's largest categories and their share of its positive spend. */
  private static String leading(Map<String, Long> spend) {
    long total = spend.values().stream().filter(c -> c > 0).mapToLong(Long::longValue).sum();
    if (total <= 0) return "—";
    StringBuilder sb = new StringBuilder();
    spend.entrySet().stream().filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(SHOWN).forEach(e -> sb.append(sb.length() > 0 ? ", " : "").append(e.getKey()).append(' ')
            .append(String.format(Locale.ROOT, "%.1f %%", 100.0 * e.getValue() / total)));
    return sb.toString();
  }
}
