-- Why a reviewer declined an access request: for the caseworker, who explains it to the applicant. Never in the
-- process's variables.
alter table access_request add column decline_reason varchar(500);

-- Notices the web app records itself (a declined request), not a process job, have no job key.
alter table staff_notice alter column job_key drop not null;
