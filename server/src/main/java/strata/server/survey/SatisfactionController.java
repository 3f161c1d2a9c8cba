package strata.server.survey;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.BadRequest;
import strata.server.security.Viewer;
import strata.survey.SatisfactionFacts;

/**
 * Satisfaction by tier, owner or top product category with response rates, over the last {@code days} days, for every
 * signed-in user over the customers they may see (unlike the rest of /surveys, which is for admins and analysts).
 */
@RestController
@RequestMapping("/api/v1/surveys")
class SatisfactionController {
  /** Ten years: more is a typo, and the invitation table does not reach that far back anyway. */
  static final int MAX_DAYS = 3650;

  private final SatisfactionFigures figures;

  SatisfactionController(SatisfactionFigures figures) {
    this.figures = figures;
  }

  @GetMapping("/satisfaction")
  SatisfactionFigures.Table satisfaction(@RequestParam(defaultValue = "tier") String by,
      @RequestParam(defaultValue = "90") int days) {
    SatisfactionFacts.By dimension;
    try {
      dimension = SatisfactionFacts.By.of(by);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("by", "one of tier, owner, category, got '" + by + "'");
    }
    if (days < 1 || days > MAX_DAYS) throw new BadRequest("days", "must be 1 to " + MAX_DAYS + ", got " + days);
    return figures.table(dimension, days, Viewer.current());
  }
}
