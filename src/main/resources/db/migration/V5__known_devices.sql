-- Browsers a user has signed in from: a guesser elsewhere does not slow them down (LoginThrottle).
-- Only a hash of the cookie's token is kept, so a leaked table recognises no one.
create table known_device (
    token_hash   char(64) primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    created_at   timestamp with time zone not null,
    last_seen_at timestamp with time zone not null
);
create index known_device_user on known_device (user_id, last_seen_at);
