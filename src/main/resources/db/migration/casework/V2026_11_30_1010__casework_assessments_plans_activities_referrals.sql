-- Assessment templates are versioned: a new version is a new template row with the same code; an assessment keeps
-- the version it was scored with.
create table casework.assessment_template (
    id          bigserial primary key,
    code        varchar(40)  not null,
    version     integer      not null,
    name        varchar(200) not null,
    name_en     varchar(200) not null,
    scale_min   smallint     not null,
    scale_max   smallint     not null,
    created_at  timestamptz  not null default now(),
    unique (code, version),
    constraint assessment_template_scale_check check (scale_min < scale_max)
);

create table casework.assessment_domain (
    id           bigserial primary key,
    template_id  bigint       not null references casework.assessment_template (id),
    code         varchar(40)  not null,
    name         varchar(200) not null,
    name_en      varchar(200) not null,
    position     smallint     not null,
    unique (template_id, code)
);

create table casework.assessment_item (
    id         bigserial primary key,
    domain_id  bigint       not null references casework.assessment_domain (id),
    text       varchar(300) not null,
    text_en    varchar(300) not null,
    position   smallint     not null
);

create table casework.assessment (
    id                bigserial primary key,
    enrolment_id      bigint       not null references casework.enrolment (id),
    template_id       bigint       not null references casework.assessment_template (id),
    assessed_on       date         not null,
    assessor_user_id  bigint,
    assessor          varchar(100),
    notes             varchar(2000),
    created_at        timestamptz  not null default now()
);

create index assessment_enrolment_idx on casework.assessment (enrolment_id, assessed_on);

create table casework.assessment_score (
    assessment_id  bigint   not null references casework.assessment (id),
    item_id        bigint   not null references casework.assessment_item (id),
    score          smallint not null,
    primary key (assessment_id, item_id)
);

create table casework.plan (
    id            bigserial primary key,
    enrolment_id  bigint       not null references casework.enrolment (id),
    title         varchar(200) not null,
    review_on     date         not null,
    status        varchar(20)  not null default 'ACTIVE',
    version       bigint       not null default 0,
    created_by    varchar(100),
    created_at    timestamptz  not null default now(),
    constraint plan_status_check check (status in ('ACTIVE', 'CLOSED'))
);

create index plan_enrolment_idx on casework.plan (enrolment_id);

create table casework.goal (
    id                  bigserial primary key,
    plan_id             bigint        not null references casework.plan (id),
    description         varchar(500)  not null,
    component           varchar(30),
    baseline            varchar(500),
    target              varchar(500)  not null,
    independence_level  smallint      not null,
    review_on           date          not null,
    status              varchar(20)   not null default 'OPEN',
    version             bigint        not null default 0,
    constraint goal_level_check check (independence_level between 1 and 5),
    constraint goal_status_check check (status in ('OPEN', 'ACHIEVED', 'NOT_ACHIEVED', 'DROPPED'))
);

create index goal_plan_idx on casework.goal (plan_id);

create table casework.activity (
    id                bigserial primary key,
    org_unit_id       bigint        not null,
    type              varchar(30)   not null,
    held_on           date          not null,
    duration_minutes  integer       not null,
    staff             varchar(300)  not null,
    component         varchar(30)   not null,
    notes             varchar(2000),
    created_by        varchar(100),
    created_at        timestamptz   not null default now(),
    constraint activity_duration_check check (duration_minutes between 1 and 1440)
);

create index activity_unit_idx on casework.activity (org_unit_id, held_on);

create table casework.activity_participant (
    activity_id   bigint  not null references casework.activity (id),
    enrolment_id  bigint  not null references casework.enrolment (id),
    attended      boolean not null,
    primary key (activity_id, enrolment_id)
);

create index activity_participant_enrolment_idx on casework.activity_participant (enrolment_id);

create table casework.activity_attachment (
    id            bigserial primary key,
    activity_id   bigint       not null references casework.activity (id),
    file_name     varchar(200) not null,
    content_type  varchar(40)  not null,
    size_bytes    integer      not null,
    content       bytea        not null,
    created_at    timestamptz  not null default now()
);

-- A referral of a person from one unit to another unit, or to or from a service outside the system.
create table casework.referral (
    id                bigserial primary key,
    person_id         bigint        not null,
    direction         varchar(10)   not null,
    from_unit_id      bigint,
    to_unit_id        bigint,
    outside_service   varchar(300),
    reason            varchar(1000) not null,
    referred_on       date          not null,
    status            varchar(20)   not null default 'PENDING',
    decided_on        date,
    decided_by        varchar(100),
    decision_note     varchar(1000),
    version           bigint        not null default 0,
    created_at        timestamptz   not null default now(),
    constraint referral_direction_check check (direction in ('INTERNAL', 'OUTGOING', 'INCOMING')),
    constraint referral_status_check check (status in ('PENDING', 'ACCEPTED', 'DECLINED'))
);

create index referral_person_idx on casework.referral (person_id);
create index referral_units_idx on casework.referral (to_unit_id, from_unit_id);
