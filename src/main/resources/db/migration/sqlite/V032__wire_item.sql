-- The wire queue: agency items by their guid there (a newer version updates the row), what became of them, and the alarm
-- raised on the story made from one when the wire sends a newer version or withdraws it.
create table wire_item (
  id            integer primary key autoincrement,
  guid          text    not null unique,
  version       bigint  not null,
  source        text    not null,
  also_from     text    not null default '',
  format        text    not null,
  headline      text    not null,
  byline        text    not null,
  summary       text    not null,
  body_html     text    not null,
  dateline      text    not null,
  urgency       integer,
  embargo_until bigint,
  pub_status    text    not null,
  language      text    not null,
  photos        text    not null,
  warnings      text    not null,
  content_key   text    not null,
  state         text    not null,
  story_id      bigint references article(id) on delete set null,
  used_version  bigint,
  flag          text    not null default '',
  received_at   bigint  not null,
  updated_at    bigint  not null
);
create index wire_item_queue on wire_item (state, received_at);
create index wire_item_key on wire_item (content_key);
create index wire_item_story on wire_item (story_id);
