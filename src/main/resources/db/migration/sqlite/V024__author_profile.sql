-- Author profiles: what the author page and JSON-LD Person show besides the name and the bio.
alter table author add column job_title text not null default '';
alter table author add column photo_id integer references media(id) on delete set null;
alter table author add column links text not null default '[]';
