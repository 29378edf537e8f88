-- The desk: who a story is assigned to, and the internal notes on it (never published), with the
-- people each note mentions (their inbox).
alter table article add column assignee_id integer references app_user(id);

create table article_note (
  id         integer primary key autoincrement,
  article_id integer not null references article(id) on delete cascade,
  user_id    integer references app_user(id),
  text       text    not null,
  created_at integer not null
);
create index article_note_article on article_note(article_id);

create table note_mention (
  note_id  integer not null references article_note(id) on delete cascade,
  user_id  integer not null references app_user(id) on delete cascade,
  read_at  integer,
  primary key (note_id, user_id)
);
