package strata.server.data;

import java.util.Map;

/**
 * What must follow a customer's owner in the transaction that changes it (the owner kept in snapshot rows). An
 * interface here so that the data package does not depend on the packages that keep copies of the owner.
 */
public interface OwnerFollower {
  /** @param owners customer id to current owner, for customers inserted or whose owner changed */
  void follow(Map<String, String> owners);
}
