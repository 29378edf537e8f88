-- Static pages (About, Contact, a corrections policy): their own URL (/{slug}/), edited like a story with revisions.
create table static_page (
  id         integer primary key autoincrement,
  slug       text    not null,
  title      text    not null,
  body_html  text    not null default '',
  language   text    not null default '',
  revision   integer not null default 1,
  created_at integer not null,
  updated_at integer not null,
  created_by integer references app_user(id),
  deleted_at integer
);
create unique index static_page_live_slug on static_page (slug) where deleted_at is null;
create table static_page_revision (
  page_id  integer not null references static_page(id) on delete cascade,
  revision integer not null,
  saved_by integer references app_user(id),
  saved_at integer not null,
  title    text not null,
  slug     text not null,
  body_html text not null,
  primary key (page_id, revision)
);
