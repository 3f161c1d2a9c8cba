package strata.run;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import strata.i18n.Note;
import strata.identity.CandidatePair;
import strata.identity.DuplicateCandidates;
import strata.identity.IdMerges;
import strata.identity.IdentityReport;
import strata.identity.UnknownPurchasers;
import strata.intake.CustomerProfile;
import strata.intake.Engagement;
import strata.summary.PurchaseColumns;

/** Identity resolution in a file run: duplicate candidates, case variants, merges applied to the side files. */
final class IdentityStage {
  private IdentityStage() {}

  static final int EXAMPLES = 10;

  /**
   * Groups of ids that differ only by case: customers-file ids first (as the run will see them), then purchasers in
   * order of first purchase.
   */
  static List<List<String>> caseVariants(Map<String, CustomerProfile> profiles, IdMerges merges, PurchaseColumns p,
      Charset charset) {
    if (profiles == null) return IdMerges.caseVariants(p.size, i -> p.customerId(i, charset));
    List<String> buyers = new ArrayList<>(p.size);
    for (int i = 0; i < p.size; i++) buyers.add(p.customerId(i, charset));
    return caseVariants(listed(profiles, merges), buyers);
  }

  /**
   * As above, from the listed ids ({@link #listed}) and the buyers' ids in order; either may hold only the ids that
   * can form a group (those sharing a folded id with another), which leaves the groups as they are.
   */
  static List<List<String>> caseVariants(List<String> listed, List<String> buyers) {
    // Purchasers also in the customers file are counted once, at their place in the file.
    Set<String> seen = new HashSet<>(listed);
    List<String> inOrder = new ArrayList<>(listed);
    for (String id : buyers) {
      if (!seen.contains(id)) inOrder.add(id);
    }
    return IdMerges.caseVariants(inOrder);
  }

  /** The customers file's ids resolved by the merges, once each, in the file's order. */
  static List<String> listed(Map<String, CustomerProfile> profiles, IdMerges merges) {
    List<String> fileIds = new ArrayList<>(profiles.size());
    Set<String> seen = new HashSet<>();
    for (String id : profiles.keySet()) {
      String resolved = merges.resolve(id);
      if (seen.add(resolved)) fileIds.add(resolved);
    }
    return fileIds;
  }

  /**
   * Profiles by surviving id: a merged id's profile is dropped, or re-keyed to the survivor when the survivor has
   * none (an accepted pair may name an id that only the transactions know).
   */
  static Map<String, CustomerProfile> mergeProfiles(Map<String, CustomerProfile> profiles, IdMerges merges) {
    if (profiles == null || merges.isEmpty()) return profiles;
    Map<String, CustomerProfile> out = new LinkedHashMap<>();
    profiles.forEach((id, profile) -> {
      String survivor = merges.resolve(id);
      if (survivor.equals(id)) out.put(id, profile);
    });
    profiles.forEach((id, pr) -> {
      String survivor = merges.resolve(id);
      if (!survivor.equals(id) && !out.containsKey(survivor)) {
        out.put(survivor, new CustomerProfile(survivor, pr.name(), pr.industry(), pr.size(), pr.region(), pr.owner(),
            pr.phone(), pr.email(), pr.birthday(), pr.created()));
      }
    });
    return out;
  }

  /** Interactions and answers of merged ids added to their survivors'. */
  static Map<String, Engagement> mergeEngagement(Map<String, Engagement> engagement, IdMerges merges) {
    if (merges.isEmpty()) return engagement;
    Map<String, Engagement> out = new HashMap<>();
    engagement.forEach((id, e) -> out.merge(merges.resolve(id), e, Engagement::merge));
    return out;
  }

  /** @param notes receives the warnings a user should read */
  static IdentityReport report(Map<String, CustomerProfile> profiles, IdMerges merges, List<List<String>> caseVariants,
      boolean caseIdsMerged, PurchaseColumns p, Charset charset, List<Note> notes) {
    UnknownPurchasers unknown = profiles == null ? new UnknownPurchasers(0, List.of())
        : unknownCustomers(profiles, merges, p, charset);
    return report(profiles, merges, caseVariants, caseIdsMerged, unknown, notes);
  }

  /**
   * As above, with the buyers missing from the customers file already found (by an engine that holds no list of
   * every buyer).
   */
  static IdentityReport report(Map<String, CustomerProfile> profiles, IdMerges merges, List<List<String>> caseVariants,
      boolean caseIdsMerged, UnknownPurchasers unknown, List<Note> notes) {
    List<CandidatePair> candidates = List.of();
    List<DuplicateCandidates.CommonKey> common = List.of();
    if (profiles != null && profiles.size() > DuplicateCandidates.MAX_CUSTOMERS) {
      notes.add(Note.of("duplicates_not_searched", DuplicateCandidates.MAX_CUSTOMERS));
    } else if (profiles != null) {
      var found = DuplicateCandidates.find(new ArrayList<>(profiles.values()));
      candidates = found.pairs().stream()
          .filter(c -> !merges.resolve(c.idA()).equals(merges.resolve(c.idB()))).toList();
      common = found.commonKeys();
    }
    notes(notes, candidates.size(), common, unknown);
    if (!caseVariants.isEmpty()) {
      notes.add(Note.of(caseIdsMerged ? "case_ids_merged" : "case_ids_found", caseVariants.size(),
          String.join(" / ", caseVariants.get(0))));
    }
    return new IdentityReport(candidates, common, caseVariants, caseIdsMerged && !caseVariants.isEmpty(),
        merges.merged(), unknown.count(), unknown.examples());
  }

  /** Purchasers missing from the customers file, the first {@link #EXAMPLES} named. */
  private static UnknownPurchasers unknownCustomers(Map<String, CustomerProfile> profiles, IdMerges merges,
      PurchaseColumns p, Charset charset) {
    Set<String> known = new HashSet<>();
    profiles.keySet().forEach(id -> known.add(merges.resolve(id)));
    return UnknownPurchasers.among(p.size, i -> p.customerId(i, charset), known::contains, EXAMPLES);
  }

  private static void notes(List<Note> notes, int candidates, List<DuplicateCandidates.CommonKey> common,
      UnknownPurchasers unknown) {
    if (candidates > 0) {
      notes.add(Note.of("duplicate_candidates", candidates));
    }
    if (!common.isEmpty()) {
      var k = common.get(0);
      notes.add(Note.of("duplicate_common_keys", common.size(), DuplicateCandidates.MAX_BLOCK, k.reason().code(),
          k.customers(), String.join(", ", k.exampleIds())));
    }
    unknown.note("unknown_purchasers").ifPresent(notes::add);
  }
}
