-- Per-section editors: an editor with rows here edits, publishes and schedules only in those sections (none: every section).
create table user_section (
  user_id    integer not null references app_user(id) on delete cascade,
  section_id integer not null references section(id) on delete cascade,
  primary key (user_id, section_id)
);
