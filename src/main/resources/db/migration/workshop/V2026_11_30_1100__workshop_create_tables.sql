-- Sheltered Workshop Peduli (System A). A site is an organisation unit of type SITE (organization module); this schema
-- keeps what the workshop knows about it. Money is whole rupiah in bigint columns. Participants are case enrolments
-- (casework module) referred to by id, with the registry person id alongside for statements.

create table workshop.site_profile (
    site_id             bigint       primary key,
    centre_id           bigint       not null,
    mou_number          varchar(100),
    mou_date            date,
    cost_sharing_note   varchar(1000),
    socialisation_on    date,
    mentor_training_on  date,
    launch_on           date,
    mentoring_ends_on   date,
    terminated_on       date,
    follow_up_on        date,
    group_name          varchar(200),
    version             integer      not null default 0,
    updated_at          timestamptz  not null default now()
);

create table workshop.mentor (
    id          bigserial    primary key,
    site_id     bigint       not null,
    user_id     bigint,
    person_id   bigint,
    name        varchar(200) not null,
    phone       varchar(30),
    since       date,
    active      boolean      not null default true,
    created_at  timestamptz  not null default now()
);
create index mentor_site on workshop.mentor (site_id);
create unique index mentor_site_user on workshop.mentor (site_id, user_id) where user_id is not null;
create unique index mentor_site_person on workshop.mentor (site_id, person_id) where person_id is not null;

create table workshop.mentor_training (
    id          bigserial    primary key,
    site_id     bigint       not null,
    held_on     date         not null,
    topic       varchar(200) not null,
    trainer     varchar(200),
    hours       integer      not null check (hours between 1 and 200),
    created_at  timestamptz  not null default now()
);
create index mentor_training_site on workshop.mentor_training (site_id, held_on);

create table workshop.mentor_training_attendance (
    training_id bigint not null references workshop.mentor_training (id),
    mentor_id   bigint not null references workshop.mentor (id),
    primary key (training_id, mentor_id)
);

create table workshop.product (
    id          bigserial    primary key,
    centre_id   bigint       not null,
    code        varchar(30)  not null,
    name        varchar(200) not null,
    unit        varchar(30)  not null,
    sale_price  bigint       not null check (sale_price >= 0),
    active      boolean      not null default true,
    version     integer      not null default 0,
    created_at  timestamptz  not null default now()
);
create unique index product_centre_code on workshop.product (centre_id, lower(code));

-- One session per site and day: who came and what each made. An entry sent from a phone carries the id the phone gave
-- it; the same id sent again is answered with the first result and records nothing more.
create table workshop.session (
    id          bigserial    primary key,
    site_id     bigint       not null,
    held_on     date         not null,
    created_by  bigint,
    created_at  timestamptz  not null default now(),
    unique (site_id, held_on)
);

create table workshop.attendance (
    id            bigserial  primary key,
    session_id    bigint     not null references workshop.session (id),
    site_id       bigint     not null,
    held_on       date       not null,
    enrolment_id  bigint     not null,
    person_id     bigint     not null,
    present       boolean    not null,
    entry_id      uuid       not null,
    recorded_by   bigint,
    recorded_at   timestamptz not null default now(),
    unique (session_id, enrolment_id)
);
create index attendance_site_day on workshop.attendance (site_id, held_on);

create table workshop.production_record (
    id            bigserial   primary key,
    session_id    bigint      references workshop.session (id),
    site_id       bigint      not null,
    made_on       date        not null,
    enrolment_id  bigint      not null,
    person_id     bigint      not null,
    product_id    bigint      references workshop.product (id),
    task          varchar(200),
    quantity      integer     not null check (quantity > 0),
    rejects       integer     not null default 0 check (rejects >= 0 and rejects <= quantity),
    minutes       integer     not null default 0 check (minutes >= 0 and minutes <= 1440),
    entry_id      uuid,
    recorded_by   bigint,
    recorded_at   timestamptz not null default now(),
    check (product_id is not null or task is not null)
);
create index production_site_day on workshop.production_record (site_id, made_on);

create table workshop.offline_entry (
    entry_id      uuid         primary key,
    site_id       bigint       not null,
    session_id    bigint       not null references workshop.session (id),
    enrolment_id  bigint       not null,
    received_by   bigint,
    received_at   timestamptz  not null default now()
);

-- Earnings rule of a site, valid from the first day of a month until the next rule of the site.
create table workshop.earnings_rule (
    id                 bigserial   primary key,
    site_id            bigint      not null,
    valid_from         date        not null check (extract(day from valid_from) = 1),
    kind               varchar(12) not null check (kind in ('PIECE_RATE', 'HOURLY', 'EQUAL_SHARE')),
    fund_basis_points  integer     not null check (fund_basis_points between 0 and 10000),
    rate_per_minute    bigint      check (rate_per_minute >= 0),
    min_days           integer     check (min_days between 0 and 31),
    created_by         bigint,
    created_at         timestamptz not null default now(),
    unique (site_id, valid_from)
);

create table workshop.piece_rate (
    rule_id     bigint not null references workshop.earnings_rule (id),
    product_id  bigint not null references workshop.product (id),
    rate        bigint not null check (rate >= 0),
    primary key (rule_id, product_id)
);

create table workshop.payout_run (
    id              bigserial   primary key,
    site_id         bigint      not null,
    period          date        not null check (extract(day from period) = 1),
    status          varchar(10) not null check (status in ('DRAFT', 'APPROVED')),
    rule_kind       varchar(12) not null,
    fund_basis_points integer   not null,
    pool            bigint      not null,
    group_fund      bigint      not null,
    paid_total      bigint      not null,
    computed_by     bigint,
    computed_at     timestamptz not null default now(),
    approved_by     bigint,
    approved_at     timestamptz,
    version         integer     not null default 0,
    unique (site_id, period)
);

create table workshop.payout_line (
    id              bigserial   primary key,
    run_id          bigint      not null references workshop.payout_run (id),
    enrolment_id    bigint      not null,
    person_id       bigint      not null,
    days_attended   integer     not null,
    accepted_units  integer     not null,
    minutes         integer     not null,
    gross           bigint      not null,
    share           bigint      not null,
    adjustment      bigint      not null default 0,
    amount          bigint      not null,
    working         text        not null,
    received_on     date,
    receipt_method  varchar(12) check (receipt_method in ('SIGNATURE', 'THUMBPRINT')),
    received_by     varchar(12) check (received_by in ('PARTICIPANT', 'GUARDIAN')),
    receipt_recorded_by bigint,
    unique (run_id, enrolment_id)
);

-- A correction to a frozen payout, paid with the run of a later period.
create table workshop.payout_adjustment (
    id              bigserial    primary key,
    site_id         bigint       not null,
    enrolment_id    bigint       not null,
    person_id       bigint       not null,
    period          date         not null check (extract(day from period) = 1),
    amount          bigint       not null,
    reason          varchar(500) not null,
    applied_run_id  bigint       references workshop.payout_run (id),
    created_by      bigint,
    created_at      timestamptz  not null default now()
);
create index payout_adjustment_site on workshop.payout_adjustment (site_id, period);
