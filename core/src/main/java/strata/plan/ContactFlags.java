package strata.plan;

import java.util.Set;
import strata.playbook.Channel;

/** What a customer agreed to: do-not-contact, and the channels they have not consented to. */
public record ContactFlags(boolean doNotContact, Set<Channel> noConsent) {
  public static final ContactFlags NONE = new ContactFlags(false, Set.of());
}
