-- Dates are epoch milliseconds (UTC) in both engines, so stores share one set of SQL.
create table app_user (
  id            integer primary key autoincrement,
  email         text    not null unique,
  display_name  text    not null,
  password_hash text    not null,
  role          text    not null check (role in ('contributor', 'editor', 'admin')),
  disabled      boolean not null default 0,
  created_at    integer not null
);

create table user_session (
  token_hash text    primary key,
  user_id    integer not null references app_user(id) on delete cascade,
  csrf_token text    not null,
  created_at integer not null,
  expires_at integer not null
);
create index user_session_user on user_session(user_id);

create table section (
  id       integer primary key autoincrement,
  slug     text    not null unique,
  name     text    not null,
  position integer not null default 0
);

create table author (
  id           integer primary key autoincrement,
  slug         text    not null unique,
  display_name text    not null,
  bio          text    not null default '',
  user_id      integer references app_user(id)
);

create table tag (
  id   integer primary key autoincrement,
  slug text    not null unique,
  name text    not null
);

create table media (
  id              integer primary key autoincrement,
  sha256          text    not null unique,
  path            text    not null,
  mime            text    not null,
  width           integer not null,
  height          integer not null,
  byte_size       integer not null,
  caption         text    not null default '',
  credit          text    not null default '',
  creator         text    not null default '',
  copyright       text    not null default '',
  alt_text        text    not null default '',
  title           text    not null default '',
  source_metadata text    not null default '{}',
  created_at      integer not null,
  created_by      integer references app_user(id)
);

create table article (
  id            integer primary key autoincrement,
  section_id    integer not null references section(id),
  slug          text    not null,
  status        text    not null check (status in ('draft', 'in_review', 'scheduled', 'published', 'unpublished')),
  headline      text    not null,
  dek           text    not null default '',
  body_html     text    not null default '',
  lead_media_id integer references media(id),
  dateline      text    not null default '',
  published_at  integer,
  created_at    integer not null,
  updated_at    integer not null,
  revision      integer not null default 1,
  created_by    integer references app_user(id),
  unique (section_id, slug)
);
create index article_status_published on article(status, published_at);
create index article_section_published on article(section_id, status, published_at);

create table article_revision (
  article_id integer not null references article(id) on delete cascade,
  revision   integer not null,
  saved_by   integer references app_user(id),
  saved_at   integer not null,
  snapshot   text    not null,
  primary key (article_id, revision)
);

create table article_author (
  article_id integer not null references article(id) on delete cascade,
  author_id  integer not null references author(id),
  position   integer not null,
  primary key (article_id, position)
);

create table article_tag (
  article_id integer not null references article(id) on delete cascade,
  tag_id     integer not null references tag(id),
  primary key (article_id, tag_id)
);

create table correction (
  id         integer primary key autoincrement,
  article_id integer not null references article(id) on delete cascade,
  text       text    not null,
  created_at integer not null
);

create table redirect (
  old_path   text    primary key,
  article_id integer not null references article(id) on delete cascade,
  created_at integer not null
);

create table view_bucket (
  article_id integer not null references article(id) on delete cascade,
  minute     integer not null,
  count      integer not null,
  primary key (article_id, minute)
);
create index view_bucket_minute on view_bucket(minute);

create table audit_event (
  id         integer primary key autoincrement,
  at         integer not null,
  user_id    integer references app_user(id),
  action     text    not null,
  subject    text    not null
);
