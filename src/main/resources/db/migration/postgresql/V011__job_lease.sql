-- The jobs runner's leases: a one-node job runs where its lease is held and unexpired.
create table job_lease (
  job        text    primary key,
  holder     text    not null,
  expires_at bigint not null
);
