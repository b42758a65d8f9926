-- Steps 11-12: the phone a new applicant confirms and the rounds passed with it, owned by the phone feature
-- (until now two columns of signup, which the sign-up feature owns).
create table signup_phone (
    onboarding_id  uuid primary key references onboarding (id),
    phone_e164     varchar(20) not null,
    rounds_passed  int not null default 0,
    updated_at     timestamp with time zone not null
);

insert into signup_phone (onboarding_id, phone_e164, rounds_passed, updated_at)
select onboarding_id, phone_e164, phone_verifications, updated_at from signup where phone_e164 is not null;

alter table signup drop column phone_e164;
alter table signup drop column phone_verifications;
