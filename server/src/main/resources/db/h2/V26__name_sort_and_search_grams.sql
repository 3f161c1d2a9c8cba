-- Embedded H2 only (the location db/{vendor}): the name sort and the text search without reading the whole snapshot
-- (bench/README.md, "H2 lists: the name sort and the search").
-- The name sort walks the customers in name order and probes each one's snapshot row by key (CustomerQueries
-- keyedPage); for one owner, that owner's customers. customer.owner equals snapshot_row.owner (SnapshotOwners).
create index customer_name_order on customer (name, id);
create index customer_owner_name_order on customer (owner, name, id);
-- The search's grams (strata.server.customer.SearchGrams): every substring of up to three characters that starts a
-- customer's lower-cased id or name. Filled here for the customers already stored, then kept by the trigger in the
-- transaction of each customer write. PostgreSQL's trigram indexes (db/postgresql/V7_1) serve the search there.
create table customer_gram (
  gram        varchar(3)   not null,
  customer_id varchar(256) not null,
  primary key (gram, customer_id)
);
-- No index on customer_id: with one, H2 planned some searches from the snapshot, probing the grams for each row.
insert into customer_gram (gram, customer_id)
select distinct substring(t.text, p.x, 3), t.id
from (select id, lower(id) as text from customer union all select id, lower(name) from customer) t
join system_range(1, 500) p(x) on p.x <= char_length(t.text);
create trigger customer_grams after insert, update, delete on customer for each row
  call 'strata.server.customer.CustomerGramTrigger';
