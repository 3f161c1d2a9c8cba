-- Embedded H2 only: a file import's purchases go straight into purchase again (hidden under their import until its
-- switch), not through purchase_load (V32). With the write budget the server now sets (H2WriteBudget: an eighth of
-- the heap, up to 448 MB) H2 stores them faster that way: 1M purchases 22,600-24,200 rows/s straight in against
-- 15,900-18,000 through the load table at budgets of 256-448 MB (bench/README.md, "H2 imports: what H2 itself takes").
-- Rows an import cut off left here are its own, which the start-up sweep would delete anyway.
drop table purchase_load;
