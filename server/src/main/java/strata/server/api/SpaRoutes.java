package strata.server.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The web UI routes in the browser: deep links such as /customers/C001 load the single page app's index. */
@Controller
class SpaRoutes {
  @GetMapping({"/", "/login", "/dashboard", "/customers", "/customers/{id}", "/model", "/runs", "/runs/{id}",
      "/imports", "/imports/{id}", "/admin", "/admin/{tab}"})
  String index() {
    return "forward:/index.html";
  }
}
