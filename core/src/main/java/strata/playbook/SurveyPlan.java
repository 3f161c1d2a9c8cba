package strata.playbook;

/**
 * Which surveys a tier's customers are invited to: its {@code service.survey} section.
 *
 * @param npsEveryDays days between NPS invitations (counting from the last invitation or answer); 0 for none
 * @param csatAfterComplaint whether closing a complaint's recovery task invites the customer to a CSAT survey
 * @param channel how the invitation goes out: email (sent by the server) or sms / wechat (links exported)
 */
public record SurveyPlan(int npsEveryDays, boolean csatAfterComplaint, Channel channel) {
  public static final SurveyPlan NONE = new SurveyPlan(0, false, Channel.EMAIL);

  public boolean invites() {
    return npsEveryDays > 0 || csatAfterComplaint;
  }
}
