-- The first moment an invitation may reach its customer: its tier's quiet hours (service.caps.quiet_hours) hold
-- a link made at night until they end. Null (invitations made before) means at once.
alter table survey_invitation add column send_after timestamp with time zone;
