-- Notes on published stories that readers see: a correction, a clarification or an update.
alter table correction add column kind text not null default 'correction' check (kind in ('correction', 'clarification', 'update'));
alter table correction add column created_by bigint references app_user(id);
create index correction_created on correction(created_at);
