-- Per-account settings and first-sign-in state:
-- time_zone: the zone a person reads times in (null: the portal's zone, portal.time-zone);
-- must_change_password: set for the generated one-time admin password, cleared when it is changed;
-- last_signed_in_at: when the account last signed in on the sign-in page (the sign-in page stops
-- explaining the first start once anyone has signed in).

alter table users add column time_zone varchar(64);
alter table users add column must_change_password boolean default false not null;
alter table users add column last_signed_in_at timestamp with time zone;
