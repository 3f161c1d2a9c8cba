package strata.server.customer;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.run.Run;
import strata.server.security.Viewer;

@RestController
@RequestMapping("/api/v1")
class CustomerFacetController {
  record Facets(long snapshot, Map<String, Map<String, Long>> facets) {}

  private final CustomerQueries queries;
  private final CustomerFacets facets;

  CustomerFacetController(CustomerQueries queries, CustomerFacets facets) {
    this.queries = queries;
    this.facets = facets;
  }

  /** Counts per value of each filter for the list's current filters, as GET /customers takes them. */
  @GetMapping("/customers/facets")
  Facets facets(@RequestParam(required = false) Long snapshot, @RequestParam(required = false) String tier,
      @RequestParam(required = false) String segment, @RequestParam(required = false) String segment11,
      @RequestParam(required = false) String lifecycle, @RequestParam(required = false) String abc,
      @RequestParam(required = false) String quadrant, @RequestParam(required = false) String owner,
      @RequestParam(required = false) String q, @RequestParam(required = false) String tag) {
    Run run = queries.snapshot(snapshot);
    CustomerFilter f = new CustomerFilter(run.id(), tier, segment, segment11, lifecycle, abc, quadrant, owner, q,
        tag);
    return new Facets(run.id(), facets.count(f, Viewer.current()));
  }
}
