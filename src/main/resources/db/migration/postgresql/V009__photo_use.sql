-- Photo text lives twice: the library's (media.caption …, from the file, edited by editors) and each
-- use's. The lead photo's use is saved with the article, in its transaction and revision snapshot,
-- so the revision check covers it and editing one story's caption never edits another's.
alter table article add column lead_caption text not null default '';
alter table article add column lead_credit text not null default '';
alter table article add column lead_alt_text text not null default '';
update article set lead_caption  = coalesce((select m.caption  from media m where m.id = article.lead_media_id), ''),
                   lead_credit   = coalesce((select m.credit   from media m where m.id = article.lead_media_id), ''),
                   lead_alt_text = coalesce((select m.alt_text from media m where m.id = article.lead_media_id), '')
 where lead_media_id is not null;

-- The library's own stale-edit check: a library edit names the text revision it was based on.
alter table media add column text_revision bigint not null default 1;
