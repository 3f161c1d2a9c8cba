package strata.run;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.intake.SideFiles;
import strata.plan.Contact;
import strata.plan.ContactFlags;
import strata.plan.PlanCustomer;
import strata.playbook.Channel;

/**
 * The planner's inputs from a scoring run: each customer's tiers, owner and dates, and the contact history from the
 * interactions file (re-read for its dates and channels, which scoring reduces to totals).
 */
public final class PlanInputs {
  private final List<Contact> history = new ArrayList<>();
  private final Map<String, LocalDate> lastComplaint = new HashMap<>();

  private PlanInputs() {}

  /** The run's interactions file read for the planner; empty when the run had none. */
  public static PlanInputs read(RunInputs in) {
    PlanInputs p = new PlanInputs();
    if (in.interactions() == null) return p;
    var hints = new strata.intake.FormatSniffer.Hints(in.charset(), null, null, in.transactionHints().dateFormat());
    SideFiles.interactionRows(in.interactions(), hints, in.columnMap(), in.tempDir(),
        (id, day, type, channelText) -> {
          LocalDate date = LocalDate.ofEpochDay(day);
          if (type.equals("complaint")) {
            p.lastComplaint.merge(id, date, (a, b) -> a.isAfter(b) ? a : b);
            return;
          }
          Channel channel = channel(type, channelText);
          if (channel != null) p.history.add(new Contact(id, date, channel, null));
        });
    return p;
  }

  /** Our touches: visits and calls by type, other rows by their channel column (微信, 短信, 邮件 ...). */
  public static Channel channel(String type, String channelText) {
    if (type.equals("visit")) return Channel.VISIT;
    if (type.equals("call")) return Channel.PHONE;
    if (type.equals("inquiry")) return null; // the customer reached us
    String c = channelText == null ? "" : channelText.strip().toLowerCase(Locale.ROOT);
    if (c.contains("微信") || c.contains("wechat") || c.contains("weixin")) return Channel.WECHAT;
    if (c.contains("短信") || c.contains("sms")) return Channel.SMS;
    if (c.contains("邮件") || c.contains("邮箱") || c.contains("mail")) return Channel.EMAIL;
    if (c.contains("电话") || c.contains("phone")) return Channel.PHONE;
    if (c.contains("拜访") || c.contains("visit")) return Channel.VISIT;
    return null;
  }

  public List<Contact> history() {
    return history;
  }

  /**
   * @param previousTiers tier by customer id at the previous run (empty when unknown)
   * @param previousAsOf that run's as-of date, or null
   * @param flags do-not-contact and consent by customer id
   */
  public List<PlanCustomer> customers(RunResult result, Map<String, String> previousTiers, LocalDate previousAsOf,
      Map<String, ContactFlags> flags) {
    ScoredCustomers s = result.customers();
    List<PlanCustomer> out = new ArrayList<>(s.size);
    for (int i = 0; i < s.size; i++) {
      String id = s.customerId(i);
      CustomerProfile p = s.profiles == null ? null : s.profiles[i];
      Engagement e = s.engagements == null || s.engagements[i] == null ? Engagement.NONE : s.engagements[i];
      boolean b = s.bought(i);
      ContactFlags f = flags.getOrDefault(id, ContactFlags.NONE);
      out.add(new PlanCustomer(id, result.model().tiers().get(s.tier[i]).id(), previousTiers.get(id), previousAsOf,
          p == null ? "" : p.owner(), s.stage(i).code(), b ? LocalDate.ofEpochDay(s.purchases.lastDay[i]) : null,
          b ? LocalDate.ofEpochDay(s.purchases.firstDay[i]) : null, b ? s.purchases.firstDayNetCents[i] / 100.0 : 0,
          lastComplaint.get(id), e.nps() < 0 ? null : e.nps(), e.nps() < 0 ? null : LocalDate.ofEpochDay(e.npsDay()),
          p == null ? null : p.birthday(), p == null ? null : p.created(), p != null && !p.phone().isBlank(),
          p != null && !p.email().isBlank(), f.doNotContact(), f.noConsent()));
    }
    return out;
  }
}
