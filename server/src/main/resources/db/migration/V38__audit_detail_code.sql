-- An audit entry's detail as data (strata.server.audit.AuditDetail): a code the web UI has a sentence for in zh and
-- en, and the values it names as a JSON object, so the audit page reads in the admin's language. Entries written
-- before keep their English detail text and no code; the page shows that text as it is. They are not converted: the
-- texts' forms changed over versions and a parse that guessed wrong would put words in the log nobody wrote.
alter table audit_log add column detail_code varchar(64);
alter table audit_log add column detail_params varchar(20000);
