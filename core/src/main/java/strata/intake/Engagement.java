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
    int nps, int npsDay, int csat, int csatDay) {

  public static final Engagement NONE = new Engagement(0, 0, 0, 0, 0, -1, -1, -1, -1, -1);

  public Engagement merge(Engagement o) {
    boolean npsFromOther = o.npsDay > npsDay || (o.npsDay == npsDay && o.nps > nps);
    boolean csatFromOther = o.csatDay > csatDay || (o.csatDay == csatDay && o.csat > csat);
    return new Engagement(interactions + o.interactions, calls + o.calls, visits + o.visits,
        complaints + o.complaints, inquiries + o.inquiries, Math.max(lastContactDay, o.lastContactDay),
        npsFromOther ? o.nps : nps, Math.max(npsDay, o.npsDay),
        csatFromOther ? o.csat : csat, Math.max(csatDay, o.csatDay));
  }
}
