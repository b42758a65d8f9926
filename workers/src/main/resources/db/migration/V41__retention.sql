-- Issue 10: personal data of onboardings that ended without an account is erased after a retention period; the
-- journey timeline (no personal data) stays, so the figures managers see do not change.
alter table onboarding add column personal_data_erased_at timestamp with time zone;

-- A lease per scheduled job, so that with several app instances one runs it at a time: an instance takes the lease
-- with UPDATE ... WHERE lease_until < now (plain SQL that H2 and PostgreSQL both accept), and a crashed holder's
-- lease runs out.
create table job_lease (
    name        varchar(64) primary key,
    owner       varchar(100),
    lease_until timestamp with time zone not null
);
insert into job_lease (name, owner, lease_until) values ('retention', null, timestamp '2000-01-01 00:00:00+00');
