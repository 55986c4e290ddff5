-- S6: the presentation and interview of a Top 99 proposal (when and where, the unit is told), and the scores each
-- panelist gives on the period's scale, with comments.
create table innovation.presentation_schedule (
    proposal_id  bigint       primary key references innovation.proposal (id) on delete cascade,
    starts_at    timestamptz  not null,
    place        varchar(300),
    link         varchar(500),
    scheduled_by varchar(100) not null,
    scheduled_at timestamptz  not null default now(),
    check (place is not null or link is not null)
);

create table innovation.presentation_score (
    proposal_id   bigint       not null references innovation.proposal (id) on delete cascade,
    panelist_id   bigint       not null,
    panelist_name varchar(200) not null,
    presentation  integer      not null,
    interview     integer      not null,
    comment       text         not null default '',
    recorded_at   timestamptz  not null default now(),
    primary key (proposal_id, panelist_id)
);

-- S7: field verification visits, by at least one panelist and one evaluator, with a verdict, notes and photos.
create table innovation.field_visit (
    id          bigserial    primary key,
    proposal_id bigint       not null references innovation.proposal (id) on delete cascade,
    visited_on  date         not null,
    verdict     varchar(20)  not null check (verdict in ('VERIFIED', 'DISCREPANCY')),
    notes       text         not null,
    recorded_by varchar(100) not null,
    recorded_at timestamptz  not null default now()
);
create index field_visit_proposal on innovation.field_visit (proposal_id);

create table innovation.field_visit_member (
    visit_id  bigint       not null references innovation.field_visit (id) on delete cascade,
    user_id   bigint       not null,
    full_name varchar(200) not null,
    role      varchar(30)  not null check (role in ('PANELIST', 'EVALUATOR')),
    primary key (visit_id, user_id)
);

create table innovation.field_visit_photo (
    id           bigserial    primary key,
    visit_id     bigint       not null references innovation.field_visit (id) on delete cascade,
    content_type varchar(20)  not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes   integer      not null,
    content      bytea        not null,
    created_at   timestamptz  not null default now()
);
create index field_visit_photo_visit on innovation.field_visit_photo (visit_id);
