-- S9: an agency's unit registers that it replicates an innovation of the public catalogue (a winner): the source,
-- the adopting unit, since when, what was adapted, where it stands and what it achieved.
create table innovation.replication (
    id                   bigserial    primary key,
    source_innovation_id bigint       not null references innovation.innovation (id),
    adopter_unit_id      bigint       not null,
    started_on           date         not null,
    adaptation           text         not null,
    status               varchar(20)  not null check (status in ('PLANNED', 'RUNNING', 'COMPLETED', 'STOPPED')),
    results              text         not null default '',
    registered_by        bigint,
    version              integer      not null default 0,
    created_at           timestamptz  not null default now(),
    unique (source_innovation_id, adopter_unit_id)
);
create index replication_adopter on innovation.replication (adopter_unit_id);
