-- The case core: programmes, enrolments of registry people, and every stage change of an enrolment.
-- person_id and user ids refer to other modules' records by id only (no foreign key across schemas).
create table casework.programme (
    id               bigserial primary key,
    code             varchar(40)  not null unique,
    name             varchar(200) not null,
    kind             varchar(40)  not null,
    org_unit_id      bigint       not null,
    consent_purpose  varchar(40)  not null,
    created_at       timestamptz  not null default now(),
    constraint programme_code_check check (code ~ '^[A-Z][A-Z0-9_]{1,39}$')
);

create table casework.enrolment (
    id              bigserial primary key,
    person_id       bigint      not null,
    programme_id    bigint      not null references casework.programme (id),
    org_unit_id     bigint      not null,
    worker_user_id  bigint,
    stage           varchar(20) not null,
    enrolled_on     date,
    ended_on        date,
    version         bigint      not null default 0,
    created_at      timestamptz not null default now(),
    constraint enrolment_stage_check check (stage in ('REFERRED', 'INTAKE', 'ASSESSMENT', 'PLAN', 'INTERVENTION',
        'MONITORING', 'TERMINATED', 'FOLLOW_UP', 'CLOSED')),
    constraint enrolment_dates_check check (ended_on is null or enrolled_on is null or ended_on >= enrolled_on)
);

create index enrolment_person_idx on casework.enrolment (person_id);
create index enrolment_unit_idx on casework.enrolment (org_unit_id, stage);
create index enrolment_worker_idx on casework.enrolment (worker_user_id);

-- Append-only history: who moved an enrolment from which stage to which, when and why.
create table casework.enrolment_transition (
    id            bigserial primary key,
    enrolment_id  bigint       not null references casework.enrolment (id),
    from_stage    varchar(20),
    to_stage      varchar(20)  not null,
    effective_on  date         not null,
    reason        varchar(1000),
    user_id       bigint,
    username      varchar(100),
    occurred_at   timestamptz  not null default now()
);

create index enrolment_transition_enrolment_idx on casework.enrolment_transition (enrolment_id, id);
