-- Outgoing webhooks: registrations, and every delivery as a row a job converges on (so pending
-- deliveries survive a restart and are retried with backoff for 24 hours).
create table webhook (
  id         integer primary key autoincrement,
  url        text    not null,
  events     text    not null,
  secret     text    not null,
  created_by integer references app_user(id),
  created_at integer not null,
  disabled   boolean not null default 0
);

create table webhook_delivery (
  id              integer primary key autoincrement,
  webhook_id      integer not null references webhook(id) on delete cascade,
  event           text    not null,
  payload         text    not null,
  status          text    not null check (status in ('pending', 'delivered', 'failed')),
  attempts        integer not null default 0,
  next_attempt_at integer not null,
  last_status     integer,
  last_error      text    not null default '',
  created_at      integer not null,
  delivered_at    integer
);
create index webhook_delivery_due on webhook_delivery(status, next_attempt_at);
