-- Renditions are derived files (media/renditions/...). This flag is the intent a background job
-- converges on: false = some wanted rendition may be missing. The focal point (0..1 from the
-- left and top) centres the 16:9 and 1:1 crops.
alter table media add column renditions_ready boolean not null default 0;
alter table media add column focal_x real not null default 0.5;
alter table media add column focal_y real not null default 0.5;
create index media_renditions_ready on media(renditions_ready);
