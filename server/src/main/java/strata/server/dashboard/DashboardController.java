package strata.server.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.i18n.Labels;
import strata.intake.RejectReason;
import strata.report.RejectReasonNames;
import strata.server.customer.CustomerQueries;
import strata.server.model.ModelStore;
import strata.server.run.RunStore;
import strata.server.security.Viewer;
import strata.tier.Metric;

@RestController
@RequestMapping("/api/v1")
class DashboardController {
  record Code(String id, Map<String, String> name) {}

  record TierInfo(String id, Map<String, String> name, Map<String, String> description, String when) {}

  /** A variable tier conditions may read: its CEL type ({@code bool, int, double, string}), name and meaning. */
  record MetricInfo(String id, String type, Map<String, String> name, Map<String, String> help) {}

  private final Dashboard dashboard;
  private final CustomerQueries queries;
  private final ModelStore models;
  private final RunStore runs;
  private final JdbcClient db;

  DashboardController(Dashboard dashboard, CustomerQueries queries, ModelStore models, RunStore runs,
      JdbcClient db) {
    this.dashboard = dashboard;
    this.queries = queries;
    this.models = models;
    this.runs = runs;
    this.db = db;
  }

  @GetMapping("/dashboard")
  Dashboard.View dashboard(@RequestParam(required = false) Long snapshot) {
    return dashboard.view(queries.snapshot(snapshot), Viewer.current());
  }

  /** The code lists and tier names the UI needs, with their zh and en labels. */
  @GetMapping("/meta")
  Map<String, Object> meta() {
    Viewer v = Viewer.current();
    ModelStore.Version model = models.current();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tiers", model.model().tiers().stream().map(t -> new TierInfo(t.id(),
        Map.of("zh", t.nameZh(), "en", t.nameEn()), Map.of("zh", t.descriptionZh(), "en", t.descriptionEn()),
        t.condition())).toList());
    out.put("lifecycle", codes("lifecycle.stage.", List.of("potential", "new", "active", "dormant", "churned")));
    out.put("segments", codes("rfm.classic.", List.of("important_value", "important_development",
        "important_retention", "important_winback", "general_value", "general_development", "general_retention",
        "general_winback")));
    out.put("segments11", codes("rfm.segment.", List.of("champions", "loyal_customers", "potential_loyalist",
        "new_customers", "promising", "need_attention", "about_to_sleep", "at_risk", "cant_lose_them",
        "hibernating", "lost", "others")));
    out.put("abc", codes("abc.class.", List.of("A", "B", "C")));
    out.put("quadrants", codes("value.quadrant.", List.of("star", "cash_cow", "rising", "maintain", "unknown")));
    out.put("churnFeatures", codes("churn.feature.", strata.churn.ChurnFeatures.ALL));
    out.put("rejectReasons", java.util.Arrays.stream(RejectReason.values()).map(r -> new Code(r.code(),
        Map.of("zh", RejectReasonNames.of(r, Locale.SIMPLIFIED_CHINESE), "en", RejectReasonNames.of(r, Locale.ENGLISH))))
        .toList());
    out.put("metrics", java.util.Arrays.stream(Metric.values()).map(m -> new MetricInfo(m.variable(),
        m.type().name(), Map.of("zh", m.label(Locale.SIMPLIFIED_CHINESE), "en", m.label(Locale.ENGLISH)),
        Map.of("zh", m.help(Locale.SIMPLIFIED_CHINESE), "en", m.help(Locale.ENGLISH)))).toList());
    out.put("owners", v.seesAll()
        ? db.sql("select distinct owner from customer where owner <> '' order by owner").query(String.class).list()
        : v.owners());
    out.put("modelVersion", model.version());
    out.put("currentRun", runs.current().map(r -> runs.scoped(r, v)).orElse(null));
    return out;
  }

  private static List<Code> codes(String prefix, List<String> ids) {
    List<Code> out = new ArrayList<>();
    for (String id : ids) {
      out.add(new Code(id, Map.of("zh", Labels.get(prefix + id, Locale.SIMPLIFIED_CHINESE),
          "en", Labels.get(prefix + id, Locale.ENGLISH))));
    }
    return out;
  }
}
