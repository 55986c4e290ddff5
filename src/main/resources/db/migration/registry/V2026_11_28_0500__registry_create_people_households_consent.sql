-- The registry of people and households served by the programmes. NIK and KK are stored encrypted (AES-GCM in the
-- application) with a keyed hash for exact lookups and a masked form for lists; the plain numbers are never stored.
create extension if not exists btree_gist schema public;

create table registry.person (
    id                      bigserial primary key,
    org_unit_id             bigint       not null,
    full_name               varchar(200) not null,
    other_names             varchar(300),
    name_key                varchar(300) not null,
    sex                     char(1)      not null check (sex in ('M', 'F')),
    birth_place             varchar(100),
    birth_date              date,
    birth_year              smallint     not null check (birth_year between 1900 and 2100),
    birth_date_approximate  boolean      not null default false,
    nik_cipher              bytea,
    nik_hash                bytea,
    nik_masked              varchar(20),
    region_code             varchar(13),
    regency_code            varchar(5),
    rt                      varchar(3),
    rw                      varchar(3),
    street                  varchar(200),
    phone                   varchar(30),
    disability_types        varchar(20)[] not null default '{}',
    disability_severity     varchar(20),
    support_needs           varchar(1000),
    guardian_id             bigint references registry.person (id),
    guardian_relationship   varchar(30),
    external_id             varchar(64),
    merged_into             bigint references registry.person (id),
    version                 integer      not null default 0,
    created_at              timestamptz  not null default now(),
    updated_at              timestamptz  not null default now(),
    constraint person_guardian_not_self check (guardian_id is null or guardian_id <> id),
    constraint person_birth_consistent check (birth_date is null or extract(year from birth_date) = birth_year),
    constraint person_severity check (disability_severity is null
        or disability_severity in ('MILD', 'MODERATE', 'SEVERE', 'PROFOUND'))
);

create unique index person_nik_idx on registry.person (nik_hash) where nik_hash is not null and merged_into is null;
create unique index person_external_idx on registry.person (external_id) where external_id is not null;
create index person_name_trgm_idx on registry.person using gin (name_key public.gin_trgm_ops);
create index person_unit_idx on registry.person (org_unit_id);
create index person_dedup_idx on registry.person (regency_code, birth_year);
create index person_region_idx on registry.person (region_code varchar_pattern_ops);

create table registry.person_photo (
    person_id     bigint primary key references registry.person (id),
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    data          bytea       not null,
    uploaded_at   timestamptz not null default now()
);

create table registry.household (
    id               bigserial primary key,
    org_unit_id      bigint      not null,
    region_code      varchar(13),
    rt               varchar(3),
    rw               varchar(3),
    street           varchar(200),
    welfare_decile   smallint check (welfare_decile between 1 and 10),
    decile_checked_on date,
    version          integer     not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint household_decile_dated check (welfare_decile is null or decile_checked_on is not null)
);
create index household_unit_idx on registry.household (org_unit_id);

create table registry.household_member (
    household_id  bigint      not null references registry.household (id),
    person_id     bigint      not null references registry.person (id),
    relationship  varchar(20) not null check (relationship in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING',
        'GRANDCHILD', 'GRANDPARENT', 'IN_LAW', 'OTHER_RELATIVE', 'OTHER')),
    primary key (household_id, person_id)
);
create unique index household_member_person_idx on registry.household_member (person_id);
create unique index household_one_head_idx on registry.household_member (household_id) where relationship = 'HEAD';

-- Family card numbers with their validity; a household's periods must not overlap.
create table registry.kk_history (
    id            bigserial primary key,
    household_id  bigint      not null references registry.household (id),
    kk_cipher     bytea       not null,
    kk_hash       bytea       not null,
    kk_masked     varchar(20) not null,
    valid_from    date        not null,
    valid_to      date,
    constraint kk_period_order check (valid_to is null or valid_to >= valid_from),
    constraint kk_no_overlap exclude using gist (household_id with =,
        daterange(valid_from, valid_to, '[]') with &&)
);
create index kk_hash_idx on registry.kk_history (kk_hash);

-- Lawful basis and consent per person and purpose (UU 27/2022).
create table registry.consent (
    id                 bigserial primary key,
    person_id          bigint       not null references registry.person (id),
    purpose            varchar(40)  not null,
    basis              varchar(30)  not null check (basis in ('CONSENT', 'PUBLIC_TASK', 'LEGAL_OBLIGATION',
        'VITAL_INTEREST', 'CONTRACT', 'LEGITIMATE_INTEREST')),
    given_by           varchar(20)  check (given_by in ('PERSON', 'PARENT', 'GUARDIAN', 'PERSON_AND_GUARDIAN')),
    method             varchar(20)  check (method in ('SIGNATURE', 'THUMBPRINT', 'WITNESSED_VERBAL',
        'EASY_READ_FORM')),
    notice_version     varchar(20)  not null,
    given_on           date         not null,
    withdrawn_on       date,
    withdrawal_reason  varchar(500),
    recorded_by        varchar(60),
    created_at         timestamptz  not null default now(),
    constraint consent_withdrawal_order check (withdrawn_on is null or withdrawn_on >= given_on),
    constraint consent_needs_giver check (basis <> 'CONSENT' or (given_by is not null and method is not null))
);
create index consent_person_idx on registry.consent (person_id, purpose);

-- Why two records became one, kept so that a merge can be explained later.
create table registry.merge_log (
    id            bigserial primary key,
    survivor_id   bigint       not null references registry.person (id),
    merged_id     bigint       not null references registry.person (id),
    reason        varchar(500) not null,
    merged_by     varchar(60),
    merged_at     timestamptz  not null default now(),
    snapshot      jsonb        not null
);
