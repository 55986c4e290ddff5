-- Placement of a participant into work, with follow-ups due 30, 90, 180 and 365 days after the start.
create table workshop.placement (
    id                 bigserial    primary key,
    site_id            bigint       not null,
    enrolment_id       bigint       not null,
    person_id          bigint       not null,
    employer_name      varchar(200) not null,
    sector             varchar(100),
    region_code        varchar(13),
    kind               varchar(14)  not null check (kind in ('COMPETITIVE', 'SELF_EMPLOYED', 'SHELTERED')),
    started_on         date         not null,
    monthly_wage       bigint       not null check (monthly_wage >= 0),
    hours_per_week     integer      not null check (hours_per_week between 0 and 80),
    support            varchar(500),
    separated_on       date,
    separation_reason  varchar(500),
    created_by         bigint,
    created_at         timestamptz  not null default now(),
    check (separated_on is null or separated_on >= started_on)
);
create index placement_site on workshop.placement (site_id);

create table workshop.follow_up (
    id              bigserial   primary key,
    placement_id    bigint      not null references workshop.placement (id),
    day_mark        integer     not null check (day_mark in (30, 90, 180, 365)),
    due_on          date        not null,
    done_on         date,
    still_employed  boolean,
    wage            bigint      check (wage >= 0),
    notes           varchar(1000),
    recorded_by     bigint,
    unique (placement_id, day_mark)
);
