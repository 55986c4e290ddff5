-- The Kemendagri region tree (province, regency/city, district, village), loaded from the bundled data set at
-- start-up by RegionDataLoader, and the record of which data set is loaded.

create extension if not exists pg_trgm schema public;

-- Lower case, apostrophes and quotes dropped, every other run of non-alphanumerics one space: "Ra'as" -> "raas",
-- "Lubuk Pakam I,II" -> "lubuk pakam i ii". RegionNames.normalise does the same for search input.
create function region.normalise_name(name text) returns text
    language sql
    immutable strict parallel safe
return btrim(regexp_replace(regexp_replace(lower(name), '[''"`‘’]', '', 'g'), '[^a-z0-9]+', ' ', 'g'));

create table region.region (
    code        varchar(13)  not null primary key,
    parent_code varchar(13),
    level       smallint     not null,
    name        varchar(200) not null,
    name_search text         not null generated always as (region.normalise_name(name)) stored,
    constraint region_code_format check (code ~ '^[0-9]{2}(\.[0-9]{2}(\.[0-9]{2}(\.[0-9]{4})?)?)?$'),
    constraint region_level check (level = case length(code) when 2 then 1 when 5 then 2 when 8 then 3 else 4 end),
    constraint region_parent check (
        (level = 1 and parent_code is null)
        or (level > 1 and parent_code = left(code, case level when 4 then 8 else level * 3 - 4 end))),
    constraint region_parent_fk foreign key (parent_code) references region.region (code)
);

create index region_children_idx on region.region (parent_code, code);
create index region_name_search_trgm_idx on region.region using gin (name_search public.gin_trgm_ops);

comment on table region.region is
    'Indonesian administrative regions with Kemendagri codes. Contains data from idn-area-data (ODbL).';

create table region.load_state (
    id          smallint     not null primary key default 1,
    checksum    varchar(64)  not null,
    row_count   integer      not null,
    loaded_at   timestamptz  not null,
    duration_ms integer      not null,
    constraint load_state_single_row check (id = 1)
);

comment on table region.load_state is
    'The bundled region data set held by region.region (SHA-256 of its CSV content and row count).';
