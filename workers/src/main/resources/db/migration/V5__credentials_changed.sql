-- When the password last changed: sessions signed in before then are signed out on their next request.
alter table account add column credentials_changed_at timestamp with time zone;
