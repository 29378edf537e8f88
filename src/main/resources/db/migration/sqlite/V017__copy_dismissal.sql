-- Copy-desk findings an editor dismissed, with the reason (kept; the finding stays hidden while its excerpt is the same).
create table copy_dismissal (
  id         integer primary key autoincrement,
  article_id integer not null references article(id) on delete cascade,
  rule       text    not null,
  excerpt    text    not null,
  reason     text    not null,
  user_id    integer references app_user(id),
  at         integer not null
);
create index copy_dismissal_article on copy_dismissal(article_id);
