-- S9 follow-up: after registering, the replicating unit (and the secretariat) changes where a replication stands and
-- reports its results over time. Every change is kept as an entry of the replication's history: a status change
-- (from, to, an optional note) or a reported result (as of a date, a text and optionally one figure with what it
-- counts).
alter table innovation.replication add column updated_at timestamptz;

create table innovation.replication_event (
    id             bigserial     primary key,
    replication_id bigint        not null references innovation.replication (id) on delete cascade,
    kind           varchar(10)   not null check (kind in ('STATUS', 'RESULT')),
    status_from    varchar(20),
    status_to      varchar(20),
    reported_on    date,
    text           text          not null default '',
    figure         numeric(14, 2),
    figure_label   varchar(200),
    recorded_by    varchar(100)  not null,
    recorded_at    timestamptz   not null default now(),
    check (kind <> 'STATUS' or (status_from is not null and status_to is not null)),
    check (kind <> 'RESULT' or reported_on is not null),
    check ((figure is null) = (figure_label is null))
);
create index replication_event_replication on innovation.replication_event (replication_id, id);
