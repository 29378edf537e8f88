-- Authors and tags are found by their normalized name (name_key), not by slug: names in scripts
-- without Latin letters all slugged to "item" before, and the second reporter's byline silently
-- became the first's. V008 (taxonomy.NameRepair, Java) fills name_key, repairs what it can and
-- writes what it could not into name_repair for an admin.
alter table author add column name_key text;
alter table tag add column name_key text;

create table name_repair (
  id         integer primary key autoincrement,
  kind       text    not null,
  subject    text    not null,
  note       text    not null,
  needs_review boolean not null,
  created_at integer not null
);
