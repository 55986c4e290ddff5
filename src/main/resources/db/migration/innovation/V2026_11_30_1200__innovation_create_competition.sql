-- The public service innovation competition (SINOVIK / KIPP): periods, innovations that persist across years,
-- proposals per period with their state history, evaluation, objections, announcements and the in-app inbox.

create table innovation.period (
    id                  bigserial primary key,
    year                integer      not null unique check (year between 2000 and 2100),
    title               varchar(200) not null,
    registration_opens  date         not null,
    unit_deadline       date         not null,
    submit_deadline     date         not null,
    screening_deadline  date         not null,
    assessment_deadline date         not null,
    objection_days      integer      not null default 5 check (objection_days between 1 and 60),
    pass_mark           numeric(5,2) not null default 85 check (pass_mark between 0 and 100),
    top_first           integer      not null default 99 check (top_first between 1 and 1000),
    top_final           integer      not null default 40 check (top_final between 1 and 1000),
    weight_assessment   integer      not null default 40,
    weight_presentation integer      not null default 40,
    weight_field        integer      not null default 20,
    scale_max           integer      not null default 10 check (scale_max between 2 and 100),
    objection_opens_at  timestamptz,
    assessment_closed   boolean      not null default false,
    version             integer      not null default 0,
    created_at          timestamptz  not null default now(),
    check (weight_assessment + weight_presentation + weight_field = 100)
);

create table innovation.period_category (
    period_id bigint       not null references innovation.period (id) on delete cascade,
    code      varchar(40)  not null,
    name      varchar(200) not null,
    ordinal   integer      not null,
    primary key (period_id, code)
);

-- One aspect of the assessment rubric; groups lists the proposal groups that answer it (comma-separated).
create table innovation.rubric_aspect (
    period_id bigint       not null references innovation.period (id) on delete cascade,
    code      varchar(40)  not null,
    weight    integer      not null check (weight between 0 and 100),
    groups    varchar(100) not null default 'GENERAL,REPLICATION,SPECIAL',
    ordinal   integer      not null,
    primary key (period_id, code)
);

-- A quota floor for the first selection: at least minimum proposals of dimension = value.
create table innovation.quota_floor (
    period_id bigint      not null references innovation.period (id) on delete cascade,
    dimension varchar(20) not null,
    value     varchar(60) not null,
    minimum   integer     not null check (minimum >= 0),
    primary key (period_id, dimension, value)
);

create table innovation.innovation (
    id                bigserial primary key,
    unit_id           bigint        not null,
    title             varchar(300)  not null,
    started_on        date          not null,
    problem           text          not null default '',
    baseline          text          not null default '',
    approach          text          not null default '',
    results           text          not null default '',
    sdg_tags          varchar(200)  not null default '',
    priority_tags     varchar(200)  not null default '',
    video_url         varchar(500),
    participant_type  varchar(20)   not null default 'REGENCY',
    three_t           boolean       not null default false,
    created_by        bigint,
    version           integer       not null default 0,
    created_at        timestamptz   not null default now()
);
create index innovation_unit on innovation.innovation (unit_id);
create index innovation_title on innovation.innovation (lower(title));

create table innovation.attachment (
    id            bigserial primary key,
    innovation_id bigint       not null references innovation.innovation (id) on delete cascade,
    file_name     varchar(200) not null,
    content_type  varchar(60)  not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    created_at    timestamptz  not null default now()
);

create table innovation.proposal (
    id                   bigserial primary key,
    period_id            bigint       not null references innovation.period (id),
    innovation_id        bigint       not null references innovation.innovation (id),
    unit_id              bigint       not null,
    grp                  varchar(20)  not null,
    category_code        varchar(40),
    source_innovation_id bigint references innovation.innovation (id),
    adaptation           text         not null default '',
    state                varchar(30)  not null,
    fail_reasons         varchar(300) not null default '',
    screening_note       text,
    assessment_score     numeric(6,2),
    normalised_score     numeric(6,2),
    presentation_score   numeric(6,2),
    field_score          numeric(6,2),
    decision_score       numeric(6,2),
    created_by           bigint,
    version              integer      not null default 0,
    created_at           timestamptz  not null default now(),
    updated_at           timestamptz  not null default now(),
    unique (period_id, innovation_id)
);
create index proposal_period_state on innovation.proposal (period_id, state);
create index proposal_unit on innovation.proposal (unit_id);

create table innovation.proposal_answer (
    proposal_id bigint      not null references innovation.proposal (id) on delete cascade,
    aspect_code varchar(40) not null,
    answer      text        not null,
    updated_at  timestamptz not null default now(),
    primary key (proposal_id, aspect_code)
);

-- Every state change of a proposal: who, when, in which role, and why.
create table innovation.proposal_transition (
    id          bigserial primary key,
    proposal_id bigint       not null references innovation.proposal (id) on delete cascade,
    from_state  varchar(30),
    to_state    varchar(30)  not null,
    actor_id    bigint,
    actor_name  varchar(100) not null,
    actor_role  varchar(30)  not null,
    reason      text,
    occurred_at timestamptz  not null
);
create index proposal_transition_proposal on innovation.proposal_transition (proposal_id, id);

create table innovation.period_evaluator (
    period_id    bigint       not null references innovation.period (id) on delete cascade,
    user_id      bigint       not null,
    username     varchar(100) not null,
    full_name    varchar(200) not null,
    home_unit_id bigint,
    cap          integer      not null default 225 check (cap between 1 and 10000),
    primary key (period_id, user_id)
);

create table innovation.conflict_declaration (
    proposal_id  bigint       not null references innovation.proposal (id) on delete cascade,
    evaluator_id bigint       not null,
    reason       varchar(500) not null,
    declared_at  timestamptz  not null default now(),
    primary key (proposal_id, evaluator_id)
);

create table innovation.evaluator_assignment (
    id             bigserial primary key,
    proposal_id    bigint       not null references innovation.proposal (id) on delete cascade,
    evaluator_id   bigint       not null,
    evaluator_name varchar(200) not null,
    second_opinion boolean      not null default false,
    assigned_by    varchar(100) not null,
    assigned_at    timestamptz  not null default now(),
    submitted_at   timestamptz,
    total          numeric(6,2),
    unique (proposal_id, evaluator_id)
);
create index evaluator_assignment_evaluator on innovation.evaluator_assignment (evaluator_id);

create table innovation.score (
    assignment_id bigint      not null references innovation.evaluator_assignment (id) on delete cascade,
    aspect_code   varchar(40) not null,
    score         integer     not null,
    comment       text        not null default '',
    primary key (assignment_id, aspect_code)
);

-- Announcements (administrative selection) and decrees (Top 99, winners) with their numbers.
create table innovation.announcement (
    id          bigserial primary key,
    period_id   bigint       not null references innovation.period (id),
    kind        varchar(30)  not null,
    number      varchar(100) not null,
    issued_on   date         not null,
    issued_by   varchar(100) not null,
    created_at  timestamptz  not null default now(),
    unique (period_id, kind)
);

create table innovation.shortlist_change (
    id            bigserial primary key,
    proposal_id   bigint       not null references innovation.proposal (id) on delete cascade,
    included      boolean      not null,
    justification text         not null,
    changed_by    varchar(100) not null,
    changed_at    timestamptz  not null default now()
);

create table innovation.objection (
    id             bigserial primary key,
    proposal_id    bigint       not null references innovation.proposal (id) on delete cascade,
    name           varchar(200) not null,
    contact        varchar(200) not null,
    text           text         not null,
    client_address varchar(64),
    created_at     timestamptz  not null default now(),
    answer         text,
    answered_by    varchar(100),
    answered_at    timestamptz
);
create index objection_address on innovation.objection (client_address, created_at);

create table innovation.notification (
    id           bigserial primary key,
    recipient_id bigint       not null,
    proposal_id  bigint references innovation.proposal (id) on delete cascade,
    message_key  varchar(100) not null,
    title        varchar(300) not null,
    detail       text,
    created_at   timestamptz  not null default now(),
    read_at      timestamptz
);
create index notification_recipient on innovation.notification (recipient_id, read_at);
