package strata.product;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's spend per named item (a product category or a product): net amount, rows and last purchase day.
 * Mergeable, so tallies of parts of a file add up to the tally of the whole, and bounded: at most {@value #CAP} items
 * are kept. Past that the item with the least spend (ties: the last name) is dropped and its spend moves to
 * {@link #otherCents}, so shares stay shares of the customer's whole spend; below the cap the tally is exact.
 */
public final class ItemTally implements java.io.Serializable {
  /** Distinct items kept per customer: B2B customers of the demo buy from 8 categories; retail baskets run longer. */
  public static final int CAP = 32;

  /** One item's totals: net spend in cents (refunds subtract), rows, last purchase (epoch day). */
  public record Item(String name, long cents, long rows, int lastDay) implements java.io.Serializable {
    Item plus(Item o) {
      return new Item(name, Math.addExact(cents, o.cents), rows + o.rows, Math.max(lastDay, o.lastDay));
    }
  }

  /** Largest spend first; ties by name, so every engine and every merge order ranks alike. */
  static final Comparator<Item> BY_SPEND =
      Comparator.comparingLong((Item i) -> -i.cents()).thenComparing(Item::name);

  private final TreeMap<String, Item> items = new TreeMap<>();
  private long otherCents;

  public void add(String name, long cents, int day) {
    items.merge(name, new Item(name, cents, 1, day), Item::plus);
    cap();
  }

  /** This tally with {@code other}'s items added; {@code other} is unchanged. */
  public ItemTally merge(ItemTally other) {
    for (Map.Entry<String, Item> e : other.items.entrySet()) items.merge(e.getKey(), e.getValue(), Item::plus);
    otherCents = Math.addExact(otherCents, other.otherCents);
    cap();
    return this;
  }

  private void cap() {
    while (items.size() > CAP) {
      Item least = items.values().stream().max(BY_SPEND).orElseThrow();
      items.remove(least.name());
      otherCents = Math.addExact(otherCents, least.cents());
    }
  }

  /** Spend of items dropped by the cap, in cents. */
  public long otherCents() {
    return otherCents;
  }

  /** Net spend over all items, dropped ones included, in cents. */
  public long totalCents() {
    long total = otherCents;
    for (Item i : items.values()) total += i.cents();
    return total;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /** The kept items, largest spend first. */
  public List<Item> bySpend() {
    List<Item> out = new ArrayList<>(items.values());
    out.sort(BY_SPEND);
    return out;
  }

  /** Names of the items bought with a positive net spend (returned in full do not count as bought). */
  public java.util.Set<String> bought() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Item i : items.values()) if (i.cents() > 0) out.add(i.name());
    return out;
  }

  /** An item's share of the customer's net spend, or NaN when the customer's net spend is not positive. */
  public double share(Item item) {
    long total = totalCents();
    return total > 0 ? item.cents() / (double) total : Double.NaN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ItemTally t && otherCents == t.otherCents && items.equals(t.items);
  }

  @Override
  public int hashCode() {
    return items.hashCode();
  }

  @Override
  public String toString() {
    return "ItemTally" + items.values() + (otherCents != 0 ? " other=" + otherCents : "");
  }
}
