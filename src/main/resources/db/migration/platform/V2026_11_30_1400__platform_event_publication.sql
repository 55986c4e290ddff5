-- Event publication registry of Spring Modulith 2.0 (ADR 9): one row per event and after-commit listener, written in
-- the publisher's transaction and completed when the listener has finished, so that a listener interrupted by a
-- failure or a stop is run again (resubmission, and on restart). Columns as in the bundled
-- schemas/v2/schema-postgresql.sql of spring-modulith-events-jdbc 2.0.3; the starter's own schema initialisation is
-- off. Completed rows are deleted (spring.modulith.events.completion-mode=delete).
create schema if not exists platform;

create table platform.event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);

create index event_publication_serialized_event_hash_idx on platform.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on platform.event_publication (completion_date);
