package strata.playbook;

import java.time.LocalTime;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads and checks a tier's {@code service:} section (README "Tier model", "Service playbooks"). Every error names
 * the key, e.g. {@code service.cadence.every_days: must be at least 1, got -5}.
 */
public final class ServicePlanParser {
  private static final String CHANNELS = "visit, phone, wechat, sms, email";

  private ServicePlanParser() {}

  /** @throws PlaybookException naming the offending key */
  public static ServicePlan parse(Object section) {
    Map<?, ?> map = Yaml.map("", section);
    Yaml.onlyKeys("", map, "owner", "cadence", "triggers", "care", "caps", "holdout", "survey", "escalation",
        "resources");
    OwnerPolicy owner = map.get("owner") == null ? OwnerPolicy.KEEP : owner(Yaml.map("owner", map.get("owner")));
    return new ServicePlan(owner,
        map.get("cadence") == null ? null : cadence(Yaml.map("cadence", map.get("cadence"))),
        map.get("triggers") == null ? List.of() : triggers(Yaml.map("triggers", map.get("triggers"))),
        map.get("care") == null ? List.of() : care(map.get("care")),
        map.get("caps") == null ? ContactCaps.NONE : caps(Yaml.map("caps", map.get("caps"))),
        HoldoutParser.parse("holdout", map.get("holdout")),
        map.get("survey") == null ? SurveyPlan.NONE : survey(Yaml.map("survey", map.get("survey"))),
        map.get("escalation") == null ? Escalation.NONE : escalation(Yaml.map("escalation", map.get("escalation")), owner),
        map.get("resources") == null ? Resources.NONE : resources(Yaml.map("resources", map.get("resources"))));
  }

  private static Resources resources(Map<?, ?> m) {
    Yaml.onlyKeys("resources", m, "gift_value", "discount_ceiling", "rep_hours_share", "touch_minutes");
    Double gift = m.get("gift_value") == null ? null : Yaml.amount("resources.gift_value", m.get("gift_value"));
    return new Resources(gift, share("resources.discount_ceiling", m.get("discount_ceiling")),
        share("resources.rep_hours_share", m.get("rep_hours_share")),
        m.get("touch_minutes") == null ? Map.of() : touchMinutes(Yaml.map("resources.touch_minutes", m.get("touch_minutes"))));
  }

  private static Map<Channel, Integer> touchMinutes(Map<?, ?> m) {
    Yaml.onlyKeys("resources.touch_minutes", m, CHANNELS.split(", "));
    Map<Channel, Integer> minutes = new EnumMap<>(Channel.class);
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String at = "resources.touch_minutes." + e.getKey();
      Channel channel = Channel.of(String.valueOf(e.getKey()));
      int value = Yaml.count(at, e.getValue(), 0);
      if (value < 1 || value > Resources.MAX_MINUTES) {
        throw new PlaybookException(at, "minutes_out_of_range", "max", String.valueOf(Resources.MAX_MINUTES),
            "value", String.valueOf(value));
      }
      minutes.put(channel, value);
    }
    return minutes;
  }

  /** A share from 0 to 1, or null when absent. */
  private static Double share(String at, Object value) {
    if (value == null) return null;
    if (!(value instanceof Number n)) throw new PlaybookException(at, "not_number", "value", String.valueOf(value));
    double s = n.doubleValue();
    if (!(s >= 0 && s <= 1)) throw new PlaybookException(at, "not_a_share", "value", String.valueOf(value));
    return s;
  }

  private static Escalation escalation(Map<?, ?> m, OwnerPolicy owner) {
    Yaml.onlyKeys("escalation", m, "manager_after_days", "after_days", "then");
    int manager = Yaml.count("escalation.manager_after_days", m.get("manager_after_days"), 0);
    int after = Yaml.count("escalation.after_days", m.get("after_days"), 0);
    if (manager == 0 && after == 0) {
      throw new PlaybookException("escalation", "escalation_needs_days");
    }
    if (after == 0) {
      if (m.get("then") != null) throw new PlaybookException("escalation.then", "then_needs_after_days");
      return new Escalation(manager, 0, null);
    }
    if (manager > 0 && after <= manager) {
      throw new PlaybookException("escalation.after_days", "after_not_above_manager", "min", String.valueOf(manager),
          "value", String.valueOf(after));
    }
    String then = m.get("then") == null ? null : Yaml.text("escalation.then", m.get("then"));
    if (then == null) throw new PlaybookException("escalation.then", "missing_action");
    Escalation.Action action = switch (then) {
      case "reassign" -> Escalation.Action.REASSIGN;
      case "pool" -> Escalation.Action.POOL;
      default -> throw new PlaybookException("escalation.then", "unknown_action", "value", then,
          "expected", "reassign, pool");
    };
    if (action == Escalation.Action.REASSIGN && owner.mode() != OwnerPolicy.Mode.ASSIGN) {
      throw new PlaybookException("escalation.then", "reassign_needs_team");
    }
    if (action == Escalation.Action.POOL && owner.mode() == OwnerPolicy.Mode.POOL) {
      throw new PlaybookException("escalation.then", "pool_has_no_owner");
    }
    return new Escalation(manager, after, action);
  }

  private static SurveyPlan survey(Map<?, ?> m) {
    Yaml.onlyKeys("survey", m, "nps_every_days", "csat_after_complaint", "channel");
    int every = Yaml.count("survey.nps_every_days", m.get("nps_every_days"), 0);
    Object csat = m.get("csat_after_complaint");
    if (csat != null && !(csat instanceof Boolean)) {
      throw new PlaybookException("survey.csat_after_complaint", "not_true_or_false", "value", String.valueOf(csat));
    }
    Channel channel = Channel.EMAIL;
    if (m.get("channel") != null) {
      String code = Yaml.text("survey.channel", m.get("channel"));
      channel = Channel.of(code);
      if (channel != Channel.EMAIL && channel != Channel.SMS && channel != Channel.WECHAT) {
        throw new PlaybookException("survey.channel", "survey_channel", "value", code);
      }
    }
    SurveyPlan plan = new SurveyPlan(every, Boolean.TRUE.equals(csat), channel);
    if (!plan.invites()) {
      throw new PlaybookException("survey", "survey_invites_nobody");
    }
    return plan;
  }

  private static OwnerPolicy owner(Map<?, ?> m) {
    Yaml.onlyKeys("owner", m, "policy", "team", "cap", "return_to_pool");
    String policy = m.get("policy") == null ? "keep" : Yaml.text("owner.policy", m.get("policy"));
    OwnerPolicy.Mode mode = switch (policy) {
      case "keep" -> OwnerPolicy.Mode.KEEP;
      case "assign" -> OwnerPolicy.Mode.ASSIGN;
      case "pool" -> OwnerPolicy.Mode.POOL;
      default -> throw new PlaybookException("owner.policy", "unknown_policy", "value", policy,
          "expected", "keep, assign, pool");
    };
    List<String> team = m.get("team") == null ? List.of() : Yaml.texts("owner.team", m.get("team"));
    if (mode == OwnerPolicy.Mode.ASSIGN && team.isEmpty()) {
      throw new PlaybookException("owner.team", "assign_needs_team");
    }
    Set<String> reps = new TreeSet<>();
    for (String rep : team) {
      if (!reps.add(rep)) throw new PlaybookException("owner.team", "listed_twice", "value", rep);
    }
    OwnerPolicy.PoolReturn back = null;
    if (m.get("return_to_pool") != null) {
      Map<?, ?> r = Yaml.map("owner.return_to_pool", m.get("return_to_pool"));
      Yaml.onlyKeys("owner.return_to_pool", r, "no_contact_days", "no_purchase_days", "warn_days");
      back = new OwnerPolicy.PoolReturn(Yaml.count("owner.return_to_pool.no_contact_days", r.get("no_contact_days"), 0),
          Yaml.count("owner.return_to_pool.no_purchase_days", r.get("no_purchase_days"), 0),
          Yaml.count("owner.return_to_pool.warn_days", r.get("warn_days"), 0));
      if (back.noContactDays() == 0 && back.noPurchaseDays() == 0) {
        throw new PlaybookException("owner.return_to_pool", "return_needs_days");
      }
      if (mode == OwnerPolicy.Mode.POOL) {
        throw new PlaybookException("owner.return_to_pool", "pool_has_no_owner");
      }
      int first = Math.min(back.noContactDays() == 0 ? Integer.MAX_VALUE : back.noContactDays(),
          back.noPurchaseDays() == 0 ? Integer.MAX_VALUE : back.noPurchaseDays());
      if (back.warnDays() >= first) {
        throw new PlaybookException("owner.return_to_pool.warn_days", "warn_not_before_return",
            "max", String.valueOf(first), "value", String.valueOf(back.warnDays()));
      }
    }
    return new OwnerPolicy(mode, team, Yaml.count("owner.cap", m.get("cap"), 0), back);
  }

  private static Cadence cadence(Map<?, ?> m) {
    Yaml.onlyKeys("cadence", m, "every_days", "channels", "purpose");
    int every = Yaml.count("cadence.every_days", m.get("every_days"), -1);
    if (every < 1) {
      throw new PlaybookException("cadence.every_days", "below_minimum", "min", "1",
          "value", String.valueOf(m.get("every_days")));
    }
    return new Cadence(every, channels("cadence.channels", m.get("channels")), purpose("cadence.purpose", m.get("purpose")));
  }

  private static List<TriggerRule> triggers(Map<?, ?> m) {
    List<TriggerRule> rules = new ArrayList<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      Trigger trigger = Trigger.ofKey(key);
      if (trigger == null) {
        throw new PlaybookException("triggers." + key, "unknown_trigger",
            "expected", "enter, moved_down, dormant, complaint, nps_detractor, large_first_order");
      }
      rules.add(trigger(trigger, "triggers." + key, Yaml.map("triggers." + key, e.getValue())));
    }
    return List.copyOf(rules);
  }

  private static TriggerRule trigger(Trigger trigger, String at, Map<?, ?> m) {
    String thresholdKey = switch (trigger) {
      case DORMANT -> "after_days";
      case NPS_DETRACTOR -> "max_score";
      case LARGE_FIRST_ORDER -> "min_amount";
      default -> null;
    };
    List<String> keys = new ArrayList<>(List.of("within_days", "within_hours", "channels", "type", "purpose", "holdout"));
    if (thresholdKey != null) keys.add(thresholdKey);
    Yaml.onlyKeys(at, m, keys.toArray(String[]::new));
    double threshold = 0;
    if (trigger == Trigger.DORMANT) {
      threshold = Yaml.count(at + ".after_days", m.get("after_days"), -1);
      if (threshold < 1) throw new PlaybookException(at + ".after_days", "dormant_days");
    } else if (trigger == Trigger.NPS_DETRACTOR) {
      threshold = Yaml.count(at + ".max_score", m.get("max_score"), 6);
      if (threshold > 10) {
        throw new PlaybookException(at + ".max_score", "nps_out_of_range", "value", String.valueOf(threshold));
      }
    } else if (trigger == Trigger.LARGE_FIRST_ORDER) {
      threshold = Yaml.amount(at + ".min_amount", m.get("min_amount"));
    }
    return new TriggerRule(trigger, within(at, m), threshold, channels(at + ".channels", m.get("channels")),
        type(at + ".type", m.get("type"), TaskType.defaultFor(trigger)), purpose(at + ".purpose", m.get("purpose")),
        HoldoutParser.parse(at + ".holdout", m.get("holdout")));
  }

  /** Days until the task is due: {@code within_days}, or {@code within_hours} rounded up to whole days. */
  private static int within(String at, Map<?, ?> m) {
    if (m.get("within_days") != null && m.get("within_hours") != null) {
      throw new PlaybookException(at, "within_both");
    }
    if (m.get("within_hours") != null) {
      return (Yaml.count(at + ".within_hours", m.get("within_hours"), 0) + 23) / 24;
    }
    return Yaml.count(at + ".within_days", m.get("within_days"), 7);
  }

  private static List<CareEvent> care(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new PlaybookException("care", "care_not_list");
    }
    List<CareEvent> events = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (int i = 0; i < list.size(); i++) {
      CareEvent e = careEvent("care[" + i + "]", Yaml.map("care[" + i + "]", list.get(i)));
      if (!ids.add(e.id())) throw new PlaybookException("care[" + i + "]", "listed_twice", "value", e.id());
      events.add(e);
    }
    return List.copyOf(events);
  }

  private static CareEvent careEvent(String at, Map<?, ?> m) {
    Yaml.onlyKeys(at, m, "event", "id", "date", "lead_days", "channels", "type", "purpose");
    String name = Yaml.text(at + ".event", m.get("event"));
    CareEvent.Kind kind = CareEvent.Kind.of(name);
    if (kind == null) {
      throw new PlaybookException(at + ".event", "unknown_event", "value", name,
          "expected", "birthday, anniversary, spring_festival, dragon_boat, mid_autumn, fixed");
    }
    MonthDay date = null;
    String id = kind.code();
    if (kind == CareEvent.Kind.FIXED) {
      id = Yaml.text(at + ".id", m.get("id"));
      if (!id.matches("[a-z][a-z0-9_]{0,39}")) {
        throw new PlaybookException(at + ".id", "bad_fixed_id", "value", id);
      }
      date = monthDay(at + ".date", m.get("date"));
    } else if (m.get("id") != null || m.get("date") != null) {
      throw new PlaybookException(at, "fixed_only");
    }
    return new CareEvent(id, kind, date, Yaml.count(at + ".lead_days", m.get("lead_days"), 0),
        channels(at + ".channels", m.get("channels")), type(at + ".type", m.get("type"), TaskType.GREETING),
        purpose(at + ".purpose", m.get("purpose")));
  }

  private static MonthDay monthDay(String at, Object value) {
    String text = Yaml.text(at, value);
    try {
      return MonthDay.parse("--" + text);
    } catch (DateTimeParseException e) {
      throw new PlaybookException(at, "bad_month_day", "value", text);
    }
  }

  private static ContactCaps caps(Map<?, ?> m) {
    Map<Channel, ContactCaps.Limit> perChannel = new EnumMap<>(Channel.class);
    ContactCaps.Limit all = ContactCaps.Limit.NONE;
    LocalTime[] quiet = {null, null};
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("quiet_hours")) {
        quiet = quietHours("caps.quiet_hours", e.getValue());
      } else if (key.equals("all")) {
        all = limit("caps.all", e.getValue());
      } else if (Channel.of(key) != null) {
        perChannel.put(Channel.of(key), limit("caps." + key, e.getValue()));
      } else {
        throw new PlaybookException("caps." + key, "unknown_cap", "expected", CHANNELS);
      }
    }
    return new ContactCaps(Map.copyOf(perChannel), all, quiet[0], quiet[1]);
  }

  private static ContactCaps.Limit limit(String at, Object value) {
    Map<?, ?> m = Yaml.map(at, value);
    Yaml.onlyKeys(at, m, "week", "month");
    ContactCaps.Limit limit = new ContactCaps.Limit(Yaml.count(at + ".week", m.get("week"), 0),
        Yaml.count(at + ".month", m.get("month"), 0));
    if (limit.week() > 0 && limit.month() > 0 && limit.month() < limit.week()) {
      throw new PlaybookException(at, "month_below_week", "month", String.valueOf(limit.month()),
          "week", String.valueOf(limit.week()));
    }
    return limit;
  }

  private static LocalTime[] quietHours(String at, Object value) {
    String text = Yaml.text(at, value);
    String[] parts = text.split("-");
    try {
      if (parts.length != 2) throw new DateTimeParseException("", text, 0);
      LocalTime from = LocalTime.parse(parts[0].strip());
      LocalTime to = LocalTime.parse(parts[1].strip());
      if (from.equals(to)) throw new PlaybookException(at, "quiet_hours_same");
      return new LocalTime[] {from, to};
    } catch (DateTimeParseException e) {
      throw new PlaybookException(at, "bad_quiet_hours", "value", text);
    }
  }

  private static List<Channel> channels(String at, Object value) {
    if (value == null) throw new PlaybookException(at, "missing_channels", "expected", CHANNELS);
    List<String> codes = Yaml.texts(at, value);
    if (codes.isEmpty()) throw new PlaybookException(at, "no_channels", "expected", CHANNELS);
    List<Channel> channels = new ArrayList<>();
    for (String code : codes) {
      Channel c = Channel.of(code);
      if (c == null) throw new PlaybookException(at, "unknown_channel", "value", code, "expected", CHANNELS);
      if (channels.contains(c)) throw new PlaybookException(at, "listed_twice", "value", code);
      channels.add(c);
    }
    return List.copyOf(channels);
  }

  private static TaskType type(String at, Object value, TaskType fallback) {
    if (value == null) return fallback;
    String code = Yaml.text(at, value);
    TaskType t = TaskType.of(code);
    if (t == null || t == TaskType.POOL_WARNING || t == TaskType.POOL_RETURN) {
      throw new PlaybookException(at, "unknown_task_type", "value", code, "expected", String.join(", ",
          Arrays.stream(TaskType.values()).filter(x -> !x.code().startsWith("pool")).map(TaskType::code).toList()));
    }
    return t;
  }

  private static Purpose purpose(String at, Object value) {
    if (value == null) return Purpose.NONE;
    if (value instanceof String s) return new Purpose(s, s);
    Map<?, ?> m = Yaml.map(at, value);
    Yaml.onlyKeys(at, m, "zh", "en");
    String zh = m.get("zh") == null ? null : String.valueOf(m.get("zh"));
    String en = m.get("en") == null ? null : String.valueOf(m.get("en"));
    return new Purpose(zh == null ? (en == null ? "" : en) : zh, en == null ? (zh == null ? "" : zh) : en);
  }
}
