-- PostgreSQL only (the location db/{vendor}): the list's text search (q=) from one index whatever the database's
-- locale (strata.server.customer.SearchGrams). pg_trgm (V7_1) takes only the locale's letters and digits as words: in
-- a cluster without a locale a Chinese name had no trigram at all, a two-character word has none in any, and a search
-- on id or name could use neither index, so every search read all customers (bench/README.md, "Search by grams").
-- Two-character grams, not three: the three-character ones made the index five times as slow to build at 1M names.
-- Every pair of adjacent characters of a customer's id and name, lower-cased as the search's like compares them (\x01
-- keeps a pair from spanning both): two lists of non-overlapping pairs, from the first character and from the second,
-- made in C, not a loop in SQL (a loop took 17 µs a customer). A stray single character or empty string at the end of
-- either list is harmless: a search asks only for pairs. One plain expression of built-in functions: PostgreSQL inlines
-- it, and it must resolve without the schema on the search path, as autovacuum's analyse evaluates it.
create function strata_search_grams(id text, name text) returns text[] language sql immutable parallel safe as $$
  select string_to_array(regexp_replace(lower(id) || E'\x01' || lower(coalesce(name, '')), '(..)', E'\\1\x02', 'g'),
      E'\x02')
    || string_to_array(regexp_replace(substr(lower(id) || E'\x01' || lower(coalesce(name, '')), 2), '(..)',
      E'\\1\x02', 'g'), E'\x02')
$$;
create index customer_search_grams on customer using gin (strata_search_grams(id, name));
drop index if exists customer_name_trgm;
drop index if exists customer_id_trgm;
-- The planner's estimates of the grams' matches come from the index expression's statistics: gathered now where
-- customers are stored. Not on an empty table: analysed as empty, the first import's "insert … where not exists (select
-- … from customer …)" was planned as a nested loop over a table that grows, which held 1M customers for minutes.
do $$ begin
  if exists (select 1 from customer) then analyze customer; end if;
end $$;
