-- The audit trail stores what happened as a message code with its arguments (JSON), rendered in
-- words when shown; entries written before keep their English sentence in summary.
alter table audit_events add column code varchar(100);
alter table audit_events add column arguments varchar(8000);
alter table audit_events alter column summary drop not null;
