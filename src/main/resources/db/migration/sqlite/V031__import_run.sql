-- One import (a WordPress export, say) and its checkpoint: items done of the total, moved on in the same transaction
-- as the items themselves, so a run cut short (kill -9) resumes where it stopped and duplicates nothing.
create table import_run (
  id          integer primary key autoincrement,
  kind        text    not null,
  file        text    not null,
  file_sha    text    not null,
  options     text    not null,
  state       text    not null,
  done        bigint  not null default 0,
  total       bigint  not null default 0,
  per_second  real not null default 0,
  report      text    not null default '',
  created_by  bigint,
  created_at  bigint  not null,
  updated_at  bigint  not null
);
create index import_run_file on import_run (file_sha, state);
