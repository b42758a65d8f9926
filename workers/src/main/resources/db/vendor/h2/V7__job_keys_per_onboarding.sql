-- A job key is unique only within one engine's history: an embedded engine started afresh, or a cluster whose data
-- was deleted while this database was kept, numbers its jobs from the start again. Keyed on the job alone, a new
-- onboarding's timeline steps and notices would be taken for an old one's and silently dropped. Onboarding ids are
-- UUIDs, so a job is once per (onboarding, job key). Dropping a column drops the unique constraint on it.
alter table timeline_event add column listener_job_key bigint;
update timeline_event set listener_job_key = job_key;
alter table timeline_event drop column job_key;
alter table timeline_event alter column listener_job_key rename to job_key;
alter table timeline_event alter column job_key set not null;
alter table timeline_event add constraint timeline_event_once unique (onboarding_id, job_key);

alter table staff_notice add column notice_job_key bigint;
update staff_notice set notice_job_key = job_key;
alter table staff_notice drop column job_key;
alter table staff_notice alter column notice_job_key rename to job_key;
alter table staff_notice add constraint staff_notice_once unique (onboarding_id, job_key);
