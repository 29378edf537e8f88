-- Views are written at three granularities at once (minute, hour, day), so windows read few rows:
-- the last hour from minutes, 24 hours from hours, 7 and 30 days from days. Retention then only
-- deletes minutes older than 48 hours and hours older than 30 days (see popularity.Popularity).
create table view_hour (
  article_id bigint not null references article(id) on delete cascade,
  hour       bigint not null,
  count      bigint not null,
  primary key (article_id, hour)
);
create index view_hour_hour on view_hour(hour);

create table view_day (
  article_id bigint not null references article(id) on delete cascade,
  day        bigint not null,
  count      bigint not null,
  primary key (article_id, day)
);
create index view_day_day on view_day(day);

insert into view_hour (article_id, hour, count)
  select article_id, minute / 60, sum(count) from view_bucket group by article_id, minute / 60;
insert into view_day (article_id, day, count)
  select article_id, minute / 1440, sum(count) from view_bucket group by article_id, minute / 1440;
