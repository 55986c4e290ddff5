-- Organisation units form a tree; path holds the ids from the root down ("/1/4/9/") so that a subtree is a prefix.
create table organization.org_unit (
    id           bigserial primary key,
    parent_id    bigint references organization.org_unit (id),
    path         varchar(2000) not null,
    depth        smallint      not null,
    name         varchar(200)  not null,
    short_name   varchar(60),
    type         varchar(30)   not null,
    region_code  varchar(13),
    address      varchar(500),
    active       boolean       not null default true,
    three_t      boolean       not null default false,
    version      integer       not null default 0,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now(),
    constraint org_unit_type_check check (type in ('MINISTRY', 'DIRECTORATE', 'TECHNICAL_UNIT', 'SITE',
        'COMMUNITY_GROUP', 'LOCAL_GOVERNMENT', 'STATE_ENTERPRISE', 'OTHER_AGENCY'))
);

create unique index org_unit_path_idx on organization.org_unit (path varchar_pattern_ops);
create index org_unit_parent_idx on organization.org_unit (parent_id);
create unique index org_unit_sibling_name_idx on organization.org_unit (coalesce(parent_id, 0), lower(name));
