-- Browsers that signed in before: failed guesses from elsewhere never slow their owner down
-- (account.SignInThrottle, docs/security.md). Only a SHA-256 of the cookie is stored.
create table trusted_device (
  token_hash   text    primary key,
  user_id      bigint not null references app_user(id) on delete cascade,
  created_at   bigint not null,
  last_used_at bigint not null
);
create index trusted_device_user on trusted_device(user_id);
