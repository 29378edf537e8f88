-- Per-user autosaves of an open editor (article 0: a new story): never the shared story, only a way back after a crash.
create table autosave (
  user_id    integer not null references app_user(id) on delete cascade,
  article_id integer not null,
  form       text    not null,
  saved_at   integer not null,
  primary key (user_id, article_id)
);
