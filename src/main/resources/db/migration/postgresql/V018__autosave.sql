-- Per-user autosaves of an open editor (article 0: a new story): never the shared story, only a way back after a crash.
create table autosave (
  user_id    bigint not null references app_user(id) on delete cascade,
  article_id bigint not null,
  form       text    not null,
  saved_at   bigint not null,
  primary key (user_id, article_id)
);
