-- What an import brought in, by its source (the exported site's address) and its id there: importing again updates, never duplicates.
create table import_item (
  source     text    not null,
  source_id  text    not null,
  kind       text    not null,
  target_id  integer not null,
  imported_at integer not null,
  primary key (source, source_id)
);
