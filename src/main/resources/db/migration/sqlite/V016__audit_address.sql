-- The audit log says from which address (sign-ins, permission and token changes).
alter table audit_event add column address text not null default '';
create index audit_event_at on audit_event(at);
