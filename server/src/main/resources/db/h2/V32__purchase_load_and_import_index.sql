-- Embedded H2 only (the location db/{vendor}): a file import's purchases wait here, unindexed, and move into
-- purchase 200,000 at a time in record_id order (strata.server.data.StagedRecords; bench/README.md, "H2 imports: the
-- load table"). H2 keeps a table's rows by row id and its primary key on record_id, a hash of the row, as an index of
-- its own; rows inserted in file order touch a random page of it, and of each other index, per row, and every commit
-- (WRITE_DELAY=0) rewrites each page touched. Ordered, a move touches each page of the key index once. An import cut
-- off is discarded and its rows here deleted (LoadTables). Made like purchase: its columns, no key and no index.
create table purchase_load as select * from purchase with no data;
-- Nothing looks an import's purchases up by customer (the switch and the clean-up read them by import_id alone), and
-- with customer_id in the key each new row landed on a random page of this index; by import_id alone H2 keys its
-- entries by (import_id, row id), so an import's rows append.
drop index purchase_import;
create index purchase_import on purchase (import_id);
