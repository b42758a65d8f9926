-- PostgreSQL's V7: the same as db/vendor/h2/V7, with PostgreSQL's way of renaming a column.
-- A job key is unique only within one engine's history: an embedded engine started afresh, or a cluster whose data
-- was deleted while this database was kept, numbers its jobs from the start again. Keyed on the job alone, a new
-- onboarding's timeline steps and notices would be taken for an old one's and silently dropped. Onboarding ids are
-- UUIDs, so a job is once per (onboarding, job key). Dropping a column drops the unique constraint on it.
alter table timeline_event add column listener_job_key bigint;
update timeline_event set listener_job_key = job_key;
alter table timeline_event drop column job_key;
alter table timeline_event rename column listener_job_key to job_key;
alter table timeline_event alter column job_key set not null;
alter table timeline_event add constraint timeline_event_once unique (onboarding_id, job_key);

alter table staff_notice add column notice_job_key bigint;
update staff_notice set notice_job_key = job_key;
alter table staff_notice drop column job_key;
alter table staff_notice rename column notice_job_key to job_key;
alter table staff_notice add constraint staff_notice_once unique (onboarding_id, job_key);
