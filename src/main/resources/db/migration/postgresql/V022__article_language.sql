-- Each story's language (BCP 47, such as ar or en-GB); empty: the site's language.
alter table article add column language text not null default '';
