package strata.server.survey;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import strata.intake.CsvText;
import strata.server.api.BadRequest;
import strata.server.security.Viewer;
import strata.survey.SurveyTokens;

/**
 * Survey invitations for admins and analysts: their links as JSON or CSV, to send by SMS or WeChat tools, and the
 * day's planning on demand (the schedule does it daily). Links start with {@code strata.surveys.base-url} when set
 * (the address customers reach the server at), else with the address this request came to.
 */
@RestController
@RequestMapping("/api/v1/surveys")
class InvitationController {
  private final Invitations invitations;
  private final SurveyTokens tokens;
  private final String baseUrl;

  InvitationController(Invitations invitations, SurveyTokens tokens,
      @Value("${strata.surveys.base-url:}") String baseUrl) {
    this.invitations = invitations;
    this.tokens = tokens;
    this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
  }

  record LinkView(long id, String customerId, String tier, String kind, String channel, String invitedOn,
      String expiresAt, String answeredAt, String sendAfter, String url) {}

  @GetMapping("/invitations")
  Object list(@RequestParam(defaultValue = "open") String status, @RequestParam(defaultValue = "json") String format,
      @RequestParam(defaultValue = "10000") int limit, HttpServletResponse response) throws IOException {
    if (!format.equals("json") && !format.equals("csv")) throw new BadRequest("format", "json or csv");
    String base = baseUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
    List<LinkView> links = invitations.list(status, limit, tokens).stream().map(l -> new LinkView(l.id(),
        l.customerId(), l.tier(), l.kind(), l.channel(), l.invitedOn().toString(), l.expiresAt().toInstant().toString(),
        l.answeredAt() == null ? null : l.answeredAt().toInstant().toString(),
        l.sendAfter() == null ? null : l.sendAfter().toInstant().toString(), base + "/s/" + l.token())).toList();
    if (format.equals("json")) return links;
    response.setContentType("text/csv; charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"survey-invitations-" + status + ".csv\"");
    // send_after last: a sender reading the columns by position keeps working.
    StringBuilder csv =
        new StringBuilder("invitation_id,customer_id,tier,kind,channel,invited_on,expires_at,url,send_after\n");
    for (LinkView l : links) {
      csv.append(l.id()).append(',');
      CsvText.appendText(csv, l.customerId());
      csv.append(',');
      CsvText.appendText(csv, l.tier());
      csv.append(',').append(l.kind()).append(',').append(l.channel()).append(',').append(l.invitedOn()).append(',')
          .append(l.expiresAt()).append(',').append(l.url()).append(',')
          .append(l.sendAfter() == null ? "" : l.sendAfter()).append('\n');
    }
    response.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
    return null;
  }

  /** Creates (and mails) the day's invitations now; before any run nothing, all counts 0. */
  @PostMapping("/invitations")
  Invitations.Result plan() {
    return invitations.plan(Viewer.current().username()).orElse(new Invitations.Result(null, 0, 0, 0));
  }
}
