-- Issue 12. Staff who sign in with the council's OpenID Connect provider are known by the provider's subject
-- ("sub"): stable for the person, unlike a display name or email address. OpenID Connect allows up to 255 ASCII
-- characters, so every column that holds a staff identity grows to that ("staff:" in the audit actor included).
alter table onboarding alter column caseworker set data type varchar(255);
alter table staff_notice alter column audience set data type varchar(255);
alter table access_request alter column decided_by set data type varchar(255);
alter table audit_event alter column actor set data type varchar(300);

-- What the provider last said about each member of staff when they signed in: the process tells staff things
-- while they are away, so their email address (and, for managers, their role) must be known without a session.
create table staff_member (
    subject             varchar(255) primary key,
    display_name        varchar(200),
    email               varchar(320),
    roles               varchar(100) not null,
    manager             boolean      not null,
    last_signed_in_at   timestamp with time zone not null
);
create index staff_member_manager on staff_member (manager);
