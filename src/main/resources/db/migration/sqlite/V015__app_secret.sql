-- Secrets every node must share (the preview-link signing key), made once at random.
create table app_secret (
  name  text primary key,
  value text not null
);
