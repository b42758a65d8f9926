-- Issue 9: rate limits every instance of the app shares. One row per bucket (an action, and an account, email
-- address, onboarding or client address, hashed). full_at is when the bucket has all its tokens again: an attempt
-- moves it one share of the period later, and is refused when that would put it more than a period ahead. A row
-- whose full_at has passed means the same as no row, so those are deleted now and then.
create table rate_limit_bucket (
    bucket_key      varchar(128) primary key,
    full_at         timestamp with time zone not null
);
create index rate_limit_bucket_full on rate_limit_bucket (full_at);
