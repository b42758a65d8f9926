-- An onboarding started from Camunda Tasklist's start form (issue 8). The form asks for nothing personal, so the
-- process gets its onboarding id here first; the caseworker then enters the applicant's details on the staff page,
-- which creates the onboarding row with the same id.
create table tasklist_start (
    onboarding_id        uuid primary key,
    process_instance_key bigint not null unique,
    details_due          timestamp with time zone not null,
    details_entered_at   timestamp with time zone,
    created_at           timestamp with time zone not null
);
