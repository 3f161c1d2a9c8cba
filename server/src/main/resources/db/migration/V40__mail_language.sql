-- The language a user reads Strata in (zh, en), as the UI last set it; null until then, when mails to the user are in
-- the server's default language (strata.default-language). A mail's subject is rendered with its body when it is
-- queued, so a retry sends the same words; mails queued before have none and take the default's.
alter table app_user add column language varchar(8);
alter table notification_delivery add column subject varchar(200);

-- Snapshot rows written while an override applied kept the override's note in front of the model's reason. Rows are
-- now written with the model's reason alone, and the note of the override in force is put in front when read; these
-- older rows are marked, so the reader takes the note off by the flag rather than by reading the text. Their English
-- text always began so (the serialiser writes "en" first), which only this one-time change relies on.
update snapshot_row set explanation = '{"overridden":true,' || substring(explanation, 2)
  where explanation like '{"en":"overridden by %';
