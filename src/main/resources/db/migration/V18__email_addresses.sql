-- E-mail addresses for reminders: a person's own (set on their account page or by an admin), and an
-- organisation's contact e-mail (separate from the free-text contact, which stays as typed).

alter table users add column email varchar(320);
alter table organisations add column contact_email varchar(320);
