-- A story's own title and description for search results and social cards, and its social image (empty: the headline, dek, lead photo).
alter table article add column seo_title text not null default '';
alter table article add column seo_description text not null default '';
alter table article add column social_media_id integer references media(id) on delete set null;
