package strata.server.pool;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import strata.server.api.Page;
import strata.server.run.Run;
import strata.server.run.RunStore;
import strata.server.security.Viewer;

/**
 * The customer pool (公海): every signed-in user sees who is in it (names, tiers, why; no purchase figures), reps
 * claim, admins assign or release (by the security rules).
 */
@RestController
@RequestMapping("/api/v1/pool")
class PoolController {
  /** @param owner the new owner; "" puts the customer back in the pool */
  record Assign(String owner) {}

  private final PoolStore store;
  private final Pool pool;
  private final RunStore runs;

  PoolController(PoolStore store, Pool pool, RunStore runs) {
    this.store = store;
    this.pool = pool;
    this.runs = runs;
  }

  /**
   * @param q part of the customer's id or name
   * @param after a {@link Page#next()} of this list: the customers after it by id (the page number only echoed)
   */
  @GetMapping
  Page<Pooled> list(@RequestParam(required = false) String tier, @RequestParam(required = false) String q,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String after) {
    Page.check(page, size);
    return store.list(runs.current().map(Run::id).orElse(null), tier, q, page, size,
        after == null ? null : PoolStore.afterId(after));
  }

  @PostMapping("/{id}/claim")
  Pool.Ownership claim(@PathVariable String id) {
    return pool.claim(id, Viewer.current());
  }

  @PostMapping("/{id}/assign")
  Pool.Ownership assign(@PathVariable String id, @RequestBody Assign body) {
    return pool.assign(id, body.owner(), Viewer.current());
  }
}
