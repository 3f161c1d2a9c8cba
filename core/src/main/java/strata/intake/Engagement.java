package strata.intake;

/**
 * A customer's interactions and survey answers, reduced to what scoring uses. Mergeable like the purchase summary.
 *
 * @param lastContactDay epoch day of the latest interaction, or -1
 * @param nps latest NPS answer 0..10, or -1; {@code npsDay} its epoch day
 * @param csat latest CSAT answer 1..5, or -1
 */
public record Engagement(
    long interactions, long calls, long visits, long complaints, long inquiries, int lastContactDay,
    int nps, int npsDay, int csat, int csatDay) implements java.io.Serializable {

  public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0, -1, -1, -1, -1, -1);

  /** One interaction of a free-text type (电话, 拜访, complaint …) on an epoch day. */
  public static Engagement interaction(String type, int day) {
    String t = SideFiles.interactionType(type);
    return new Engagement(1, t.equals("call") ? 1 : 0, t.equals("visit") ? 1 : 0, t.equals("complaint") ? 1 : 0,
        t.equals("inquiry") ? 1 : 0, day, -1, -1, -1, -1);
  }

  /** One survey answer; -1 for a score not given. */
  public static Engagement survey(int nps, int csat, int day) {
    return new Engagement(0, 0, 0, 0, 0, -1, nps, nps < 0 ? -1 : day, csat, csat < 0 ? -1 : day);
  }

  public Engagement merge(Engagement o) {
    boolean npsFromOther = o.npsDay > npsDay || (o.npsDay == npsDay && o.nps > nps);
    boolean csatFromOther = o.csatDay > csatDay || (o.csatDay == csatDay && o.csat > csat);
    return new Engagement(interactions + o.interactions, calls + o.calls, visits + o.visits,
        complaints + o.complaints, inquiries + o.inquiries, Math.max(lastContactDay, o.lastContactDay),
        npsFromOther ? o.nps : nps, Math.max(npsDay, o.npsDay),
        csatFromOther ? o.csat : csat, Math.max(csatDay, o.csatDay));
  }
}
