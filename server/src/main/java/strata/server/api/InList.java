package strata.server.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A statement over a list of ids ({@code where id in (?, ?, …)}) run once per chunk of at most {@link #CHUNK} ids, so a
 * selection of 100,000 customers makes 200 statements of 500 parameters, not one of 100,000 (PostgreSQL's protocol
 * refuses more than 65,535 parameters in a statement, and a long list is parsed and planned anew each time).
 */
public final class InList {
  /** The most ids one statement takes. */
  public static final int CHUNK = 500;

  /** One chunk's ids, with the placeholders and parameters of its IN list. */
  public record Chunk(List<String> ids) {
    /** {@code "?, ?, ?"}: one placeholder per id. */
    public String marks() {
      return String.join(", ", Collections.nCopies(ids.size(), "?"));
    }

    /** The ids followed by the statement's other parameters, in a list the caller may add to. */
    public List<Object> params(Object... after) {
      List<Object> params = new ArrayList<>(ids);
      params.addAll(Arrays.asList(after));
      return params;
    }
  }

  private InList() {}

  /** The results of {@code query} over each chunk of {@code ids}, chunk after chunk in the order of {@code ids}. */
  public static <T> List<T> query(List<String> ids, Function<Chunk, List<T>> query) {
    List<T> out = new ArrayList<>();
    for (Chunk chunk : chunks(ids)) out.addAll(query.apply(chunk));
    return out;
  }

  /** The sum of what {@code update} returns for each chunk of {@code ids} (the rows it changed). */
  public static int update(List<String> ids, ToIntFunction<Chunk> update) {
    int changed = 0;
    for (Chunk chunk : chunks(ids)) changed += update.applyAsInt(chunk);
    return changed;
  }

  static List<Chunk> chunks(List<String> ids) {
    List<Chunk> chunks = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += CHUNK) chunks.add(new Chunk(ids.subList(i, Math.min(ids.size(), i + CHUNK))));
    return chunks;
  }
}
