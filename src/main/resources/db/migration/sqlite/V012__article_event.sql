-- The article change log: every ArticleChanged, written in the transaction of the change, read by
-- the other nodes (article.ChangeFollower) so they drop exactly the pages that show the story.
create table article_event (
  id         integer primary key autoincrement,
  node       text    not null,
  article_id integer not null,
  payload    text    not null,
  created_at integer not null
);
create index article_event_created on article_event(created_at);
