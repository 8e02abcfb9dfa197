-- Re-assessment every few months: each organisation has its interval, the date of its latest
-- completed assessment and the date its next one is due (kept together by the Organisation entity,
-- stored so that the dashboard can sort by it). A re-assessment links to the one it follows.

alter table organisations add column reassess_months integer default 6 not null;
alter table organisations add column last_completed_on date;
alter table organisations add column next_assessment_due date;
alter table organisations add constraint ck_organisations_reassess_months check (reassess_months between 1 and 36);
create index ix_organisations_next_due on organisations (next_assessment_due);

alter table assessments add column previous_assessment_id bigint;
alter table assessments add constraint fk_assessments_previous
    foreign key (previous_assessment_id) references assessments (id);

-- A re-assessment starts with the previous targets and no current levels: a rating may now hold a
-- target alone (planned, not yet rated), but never a current level without a target.
alter table ratings drop constraint ck_ratings_both_or_neither;
alter table ratings add constraint ck_ratings_target_with_current check (current_level is null or target_level is not null);
