-- The lead photo's title for this story (IPTC Title or Headline), shown above its caption; editable per use like the caption.
alter table article add column lead_title text not null default '';
update article set lead_title = coalesce((select m.title from media m where m.id = article.lead_media_id), '') where lead_media_id is not null;
