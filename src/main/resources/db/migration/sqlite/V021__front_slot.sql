-- Fronts programmed by editors: "home" or "section:<id>". Position 0 is the lead (photo) slot; the rest are top slots.
-- A slot with pinned_until (epoch ms) leaves the front then; without, it stays until an editor removes it.
create table front_slot (
  front        text not null,
  position     integer not null,
  article_id   integer not null references article(id) on delete cascade,
  pinned_until integer,
  primary key (front, position)
);
create index front_slot_pinned_until on front_slot (pinned_until);
