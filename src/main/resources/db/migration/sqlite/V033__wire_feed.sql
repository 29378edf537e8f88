-- RSS/Atom feeds polled into the wire queue: what the last answer said (for a conditional GET next time) and when to ask again.
create table wire_feed (
  name          text    primary key,
  url           text    not null,
  etag          text    not null default '',
  last_modified text    not null default '',
  next_poll_at  bigint  not null default 0,
  failures      integer not null default 0,
  last_status   text    not null default '',
  polled_at     bigint  not null default 0
);
