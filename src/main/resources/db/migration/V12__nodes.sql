-- Several app nodes on one database (issue 16).

-- Scheduled work that must run once across nodes (the attempt time-out sweep, scheduled
-- publishing, the facts link sweep) takes a lease here first: ShedLock's own table layout.
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);

-- The sign-in and sign-up throttles' counters, shared by every node on PostgreSQL (on the embedded
-- database a node keeps them in memory). Keys are SHA-256 hashes, never an address or a name.
create table throttle_counter (
    counter_key varchar(64) primary key,
    failures    integer not null,            -- failures (sign-in) or requests in this window (sign-up)
    wait_until  timestamp with time zone not null, -- next attempt allowed from (sign-in); window end (sign-up)
    touched_at  timestamp with time zone not null  -- a counter left alone for almanac.login.forget-after starts over
);
create index throttle_counter_touched on throttle_counter (touched_at);
