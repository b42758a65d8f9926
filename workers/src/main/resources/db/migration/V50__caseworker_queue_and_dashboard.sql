-- Issue 11. The caseworker's queue on the staff home: an item the caseworker has dealt with outside the service
-- (a declined request explained to the applicant, an expired invitation they chose not to send again) is set aside
-- here, once per (onboarding, kind of item).
create table queue_item_done (
    onboarding_id   uuid not null references onboarding (id),
    item            varchar(40) not null,
    done_by         varchar(100) not null,
    done_at         timestamp with time zone not null,
    primary key (onboarding_id, item)
);

-- The manager dashboard counts a period's onboardings by status and reason from this index alone; the weekly
-- trend finds activations by element and time.
create index onboarding_created on onboarding (created_at, status, cancellation_reason);
create index timeline_event_element on timeline_event (element_id, occurred_at);
-- Today's overdue items and the caseworker queue start from the onboardings still in progress.
create index onboarding_status on onboarding (status);

-- The first time each onboarding reached each guide step (16: finished, activated or declined), kept by the
-- timeline as it records steps. The dashboard reads a period's onboardings here in one index range instead of
-- grouping all their timeline rows (docs/adr/007-manager-dashboard-from-the-timeline.md). Steps 5, 8 and 13 have
-- no element of their own and stay empty. created_at is the onboarding's, copied for that range.
create table steps_reached (
    onboarding_id      uuid primary key references onboarding (id),
    created_at         timestamp with time zone not null,
    reached_1 timestamp with time zone,
    reached_2 timestamp with time zone,
    reached_3 timestamp with time zone,
    reached_4 timestamp with time zone,
    reached_5 timestamp with time zone,
    reached_6 timestamp with time zone,
    reached_7 timestamp with time zone,
    reached_8 timestamp with time zone,
    reached_9 timestamp with time zone,
    reached_10 timestamp with time zone,
    reached_11 timestamp with time zone,
    reached_12 timestamp with time zone,
    reached_13 timestamp with time zone,
    reached_14 timestamp with time zone,
    reached_15 timestamp with time zone,
    finished timestamp with time zone
);
create index steps_reached_created on steps_reached (created_at);

-- Onboardings recorded before this table existed: the same steps, from their timelines.
insert into steps_reached (onboarding_id, created_at, reached_1, reached_2, reached_3, reached_4, reached_6, reached_7, reached_9, reached_10, reached_11, reached_12, reached_14, reached_15, finished)
select o.id, o.created_at,
    min(case when t.element_id in ('Task_SendSetupEmail', 'Task_RegisterOnboarding', 'UserTask_EnterApplicantDetails', 'Boundary_ApplicantDetailsEntered', 'Task_CheckApplicantDetails') then t.occurred_at end),
    min(case when t.element_id in ('UserTask_ConfirmSetupCode', 'Boundary_SetupCodeChecked', 'Task_CheckSetupCode') then t.occurred_at end),
    min(case when t.element_id in ('Timer_InvitationRelease', 'Task_SendInvitationEmail', 'Task_PlanInvitationRelease') then t.occurred_at end),
    min(case when t.element_id in ('Event_ExistingAccountSignedIn') then t.occurred_at end),
    min(case when t.element_id in ('Event_EmailCodeRequested') then t.occurred_at end),
    min(case when t.element_id in ('Task_SendEmailCode', 'Event_EmailCodeResendRequested') then t.occurred_at end),
    min(case when t.element_id in ('Event_EmailVerified') then t.occurred_at end),
    min(case when t.element_id in ('Event_AccountDetailsSubmitted', 'Task_CreateAccount') then t.occurred_at end),
    min(case when t.element_id in ('Event_PhoneCodeRequested', 'Task_SendPhoneCode', 'Event_PhoneCodeResendRequested') then t.occurred_at end),
    min(case when t.element_id in ('Event_PhoneCodeVerified') then t.occurred_at end),
    min(case when t.element_id in ('Event_RecordConfirmationSubmitted', 'EndEvent_ApplicantSubmitted') then t.occurred_at end),
    min(case when t.element_id in ('UserTask_ReviewAccess', 'Boundary_AccessReviewDecided', 'Task_GrantRecordAccess', 'Task_ActivateAccount', 'Task_SendActivationEmail', 'Task_SendAccessDeclinedEmail') then t.occurred_at end),
    min(case when t.element_id in ('EndEvent_AccountActivated', 'EndEvent_AccessDeclined') then t.occurred_at end)
from onboarding o join timeline_event t on t.onboarding_id = o.id
group by o.id, o.created_at;
