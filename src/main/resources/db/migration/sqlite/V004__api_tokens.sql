-- Content API tokens: only a SHA-256 of the token is stored; the token is shown once at creation.
create table api_token (
  id           integer primary key autoincrement,
  name         text    not null,
  token_hash   text    not null unique,
  scope        text    not null check (scope in ('read', 'editor')),
  created_by   integer references app_user(id),
  created_at   integer not null,
  last_used_at integer,
  revoked_at   integer
);
