-- Product preference of a snapshot's customers (issue 18 §3): what each bought by category and product, by share of
-- spend, and the next-best item from co-purchases with its evidence. Written by the run that wrote the snapshot
-- (strata.server.product.ProductSnapshot) before it publishes, removed with its snapshot rows. Only customers whose
-- purchases name a category or product have a row.
create table snapshot_product (
  run_id         bigint not null,
  customer_id    varchar(256) not null,
  -- The customer's category with the largest positive spend (the rule variable top_category) and its share, 0-1.
  top_category   varchar(200),
  top_share      real,
  -- JSON arrays, largest spend first, at most five each: [{"name","cents","share","last"}] (last: ISO date).
  categories     varchar(20000) not null,
  products       varchar(20000) not null,
  -- next_product and why: customers who bought next_because also bought next_product, next_lift times as often as
  -- customers at large; next_customers bought both.
  next_product   varchar(500),
  next_because   varchar(500),
  next_lift      real,
  next_customers bigint,
  primary key (run_id, customer_id)
);
