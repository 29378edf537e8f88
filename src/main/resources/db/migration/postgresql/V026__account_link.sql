-- One-time links an admin hands to a person: "invite" (set your password for a new account) or "reset" (set a new one).
-- Only the token's hash is kept; a link works once, until it expires.
create table account_link (
  token_hash text    primary key,
  user_id    bigint not null references app_user(id) on delete cascade,
  kind       text    not null,
  created_by bigint references app_user(id),
  created_at bigint not null,
  expires_at bigint not null,
  used_at    bigint
);
