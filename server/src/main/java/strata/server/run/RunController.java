package strata.server.run;

import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.security.Viewer;

@RestController
@RequestMapping("/api/v1/runs")
class RunController {
  /** @param outliers {@code keep} or {@code exclude} outlier amounts; null for the server's {@code strata.runs.outliers} */
  record StartRun(LocalDate asOf, String outliers) {}

  private final RunService service;
  private final RunStore runs;

  RunController(RunService service, RunStore runs) {
    this.service = service;
    this.runs = runs;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  Run start(@RequestBody(required = false) StartRun body) {
    return service.start("manual", Viewer.current().username(), body == null ? null : body.asOf(),
        body == null ? null : body.outliers());
  }

  @GetMapping
  Page<Run> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    Page<Run> all = runs.list(page, size);
    return new Page<>(runs.scoped(all.items(), Viewer.current()), all.page(), all.size(), all.total());
  }

  @GetMapping("/current")
  Run current() {
    Run current = runs.current().orElseThrow(() -> new NotFound("no run has succeeded yet"));
    return runs.scoped(current, Viewer.current());
  }

  @GetMapping("/{id}")
  Run get(@PathVariable long id) {
    return runs.scoped(runs.get(id), Viewer.current());
  }
}
