-- S6 over the API: a presentation's schedule and each panelist's scores are edited with the version read.
alter table innovation.presentation_schedule add column version integer not null default 1;
alter table innovation.presentation_score add column version integer not null default 1;
