package strata.server.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The web UI's routes in the browser: a deep link such as /customers/C001 loads the single page app's index, which
 * then shows the page. Paths with a dot are files, and /api and /actuator never reach here (their own mappings are
 * more specific, and unknown API paths must stay 404s, not pages).
 */
@Controller
class SpaRoutes {
  @GetMapping({"/", "/{page:(?!api$|actuator$)[^.]*}", "/{page:(?!api$|actuator$)[^.]*}/{id:[^.]*}"})
  String index() {
    return "forward:/index.html";
  }
}
