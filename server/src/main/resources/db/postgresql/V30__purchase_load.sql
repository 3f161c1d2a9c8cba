-- Where a file import's purchases wait, unindexed, before they move into purchase sorted by customer
-- (strata.server.data.StagedRecords): COPY into purchase itself costs a random page of each of its three indexes per
-- row. Unlogged: nothing here is visible or needed after a crash (an import cut off is discarded and its rows here
-- deleted), so it writes no WAL. Keep its columns equal to purchase's.
create unlogged table purchase_load (like purchase);
