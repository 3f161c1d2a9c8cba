package strata.server.survey;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.survey.SurveyTokens;

/**
 * The public survey page {@code /s/{token}}: no sign-in, zh or en by {@code ?lang=} or Accept-Language. It reads the
 * invitation its token names and writes that invitation's answer, nothing else ({@link Answers}). A used, expired or
 * forged link gets a page saying so (410, 410, 404) and changes nothing; too many requests from one address or on
 * one link get 429.
 */
@RestController
class SurveyPage {
  private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
  private final Answers answers;
  private final SurveyThrottle throttle;

  SurveyPage(Answers answers, SurveyThrottle throttle) {
    this.answers = answers;
    this.throttle = throttle;
  }

  @GetMapping("/s/{token}")
  ResponseEntity<String> show(@PathVariable String token, @RequestParam(required = false) String lang,
      HttpServletRequest request) {
    Locale locale = language(lang, request);
    Optional<ResponseEntity<String>> slow = throttled(token, request, locale);
    if (slow.isPresent()) return slow.get();
    Answers.Opened opened = answers.open(token);
    if (opened.state() != Answers.State.OPEN) return closed(opened.state(), locale);
    return page(200, SurveyHtml.form(locale, opened.kind().equals("csat"), null, null));
  }

  @PostMapping("/s/{token}")
  ResponseEntity<String> answer(@PathVariable String token, @RequestParam(required = false) String lang,
      @RequestParam(required = false) String nps, @RequestParam(required = false) String csat,
      @RequestParam(required = false) String comment, HttpServletRequest request) {
    Locale locale = language(lang, request);
    Optional<ResponseEntity<String>> slow = throttled(token, request, locale);
    if (slow.isPresent()) return slow.get();
    try {
      Answers.State state = answers.answer(token, nps, csat, comment);
      if (state != Answers.State.OPEN) return closed(state, locale);
      return page(200, SurveyHtml.message(locale, "thanks"));
    } catch (Answers.Refused e) {
      // The comment is sent back so nothing typed is lost, unless it is what was refused.
      String back = comment == null || comment.length() > Answers.MAX_COMMENT ? "" : comment.replace("\0", "");
      return page(422, SurveyHtml.form(locale, answers.open(token).kind().equals("csat"), e.code, back));
    }
  }

  private Optional<ResponseEntity<String>> throttled(String token, HttpServletRequest request, Locale locale) {
    String invitation = SurveyTokens.parse(token).map(p -> String.valueOf(p.invitationId())).orElse("malformed");
    // The peer address; behind a reverse proxy set server.forward-headers-strategy so that this is the client's.
    Duration wait = throttle.take(request.getRemoteAddr(), invitation);
    if (wait.isZero()) return Optional.empty();
    return Optional.of(ResponseEntity.status(429).header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds()))
        .cacheControl(CacheControl.noStore()).contentType(HTML).body(SurveyHtml.message(locale, "throttled")));
  }

  private static ResponseEntity<String> closed(Answers.State state, Locale locale) {
    return switch (state) {
      case USED -> page(410, SurveyHtml.message(locale, "used"));
      case EXPIRED -> page(410, SurveyHtml.message(locale, "expired"));
      default -> page(404, SurveyHtml.message(locale, "forged"));
    };
  }

  /** No caching, and no Referer: the token in the URL is the key to the answer. */
  private static ResponseEntity<String> page(int status, String html) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer")
        .contentType(HTML).body(html);
  }

  /** {@code ?lang=zh|en}, else the first of Accept-Language that is Chinese or English, else Chinese. */
  static Locale language(String lang, HttpServletRequest request) {
    if ("en".equals(lang)) return Locale.ENGLISH;
    if ("zh".equals(lang)) return Locale.CHINESE;
    for (Locale l : Collections.list(request.getLocales())) {
      if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) break;
      if (l.getLanguage().equals("en")) return Locale.ENGLISH;
      if (l.getLanguage().equals("zh")) return Locale.CHINESE;
    }
    return Locale.CHINESE;
  }
}
