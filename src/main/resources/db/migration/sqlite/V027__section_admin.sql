-- Sections administration: a hidden section keeps its front and stories but leaves the navigation and the home page;
-- a renamed section's old slug redirects; the site version tells every node to re-render its cached pages.
alter table section add column hidden boolean not null default 0;
create table section_redirect (
  old_slug   text primary key,
  section_id integer not null references section(id) on delete cascade
);
create table site_version (
  id      integer primary key,
  version integer not null
);
insert into site_version (id, version) values (1, 1);
