-- Site settings admins change in the newsroom (name, tagline, language, time zone, colours, links, images); a key an
-- operator set in the configuration wins over the row here, and the settings page names it.
create table site_setting (
  key   text primary key,
  value text not null
);
