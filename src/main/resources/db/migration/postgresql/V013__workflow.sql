-- Workflow states (ready, killed) and times (scheduled publish, embargo).
alter table article drop constraint article_status_check;
alter table article add constraint article_status_check
  check (status in ('draft', 'in_review', 'ready', 'scheduled', 'published', 'unpublished', 'killed'));
alter table article add column publish_at bigint;
alter table article add column embargo_until bigint;
alter table article add column review_note text not null default '';
alter table article add column kill_reason text not null default '';
alter table article add column published_late_ms bigint;
create index article_due on article(status, publish_at);
