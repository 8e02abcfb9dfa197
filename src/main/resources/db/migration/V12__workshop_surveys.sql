-- Rating from afar: a survey is a workshop whose participants are invited by name (and optionally
-- e-mail) and rate in their own time until it closes, each through a personal link (their key).
-- The consultant reveals and agrees each dimension exactly as in a live workshop.
alter table workshops add column kind varchar(10) default 'LIVE' not null;
alter table workshops add column closes_at timestamp with time zone;
alter table workshops add constraint ck_workshops_kind check (kind in ('LIVE', 'SURVEY'));
alter table workshop_participants add column email varchar(320);
