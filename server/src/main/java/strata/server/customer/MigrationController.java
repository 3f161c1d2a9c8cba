package strata.server.customer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.NotFound;
import strata.server.api.Page;
import strata.server.run.Run;
import strata.server.security.Viewer;

@RestController
@RequestMapping("/api/v1/migrations")
class MigrationController {
  private final Migrations migrations;

  MigrationController(Migrations migrations) {
    this.migrations = migrations;
  }

  @GetMapping
  Migrations.Matrix matrix(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
    Run[] pair = pair(from, to);
    return migrations.matrix(pair[0], pair[1], Viewer.current());
  }

  @GetMapping("/customers")
  Page<Migrations.Mover> customers(@RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to, @RequestParam(required = false) String fromTier,
      @RequestParam(required = false) String toTier, @RequestParam(required = false) String direction,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    Page.check(page, size);
    Run[] pair = pair(from, to);
    return migrations.movers(pair[0], pair[1], fromTier, toTier, direction, Viewer.current(), page, size);
  }

  private Run[] pair(Long from, Long to) {
    Run[] pair = migrations.pair(from, to);
    if (pair == null) throw new NotFound("migrations need two succeeded runs");
    return pair;
  }
}
