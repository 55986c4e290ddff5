-- People search. A name is matched word by word: name_tokens holds the words of name_key (the folded name), with an
-- array index; the dictionary name_token holds every word that occurs, and name_token_variant every word with one
-- letter deleted, so that the search can turn a mistyped word into the few words it may stand for (symmetric
-- deletion) before it looks at people. Triggers keep the dictionary up to date for every insert and update,
-- including bulk COPY. The trigram index on name_key from 0500 remains for the fallback to whole-name similarity.
alter table registry.person
    add column name_tokens text[] generated always as (string_to_array(name_key, ' ')) stored;
create index person_name_tokens_idx on registry.person using gin (name_tokens);

create table registry.name_token (
    token  text collate "C" primary key
);
create index name_token_trgm_idx on registry.name_token using gin (token public.gin_trgm_ops);

create table registry.name_token_variant (
    variant  text collate "C" not null,
    token    text collate "C" not null,
    primary key (variant, token)
);

create function registry.add_name_tokens() returns trigger language plpgsql as $$
begin
    with fresh as (
        insert into registry.name_token (token)
        select distinct word from new_rows, unnest(new_rows.name_tokens) as word where word <> ''
        on conflict do nothing
        returning token)
    insert into registry.name_token_variant (variant, token)
    select left(fresh.token, i - 1) || substr(fresh.token, i + 1), fresh.token
    from fresh, generate_series(1, length(fresh.token)) as i
    where length(fresh.token) >= 3
    on conflict do nothing;
    return null;
end
$$;

create trigger person_name_tokens_insert after insert on registry.person
    referencing new table as new_rows for each statement execute function registry.add_name_tokens();
create trigger person_name_tokens_update after update on registry.person
    referencing new table as new_rows for each statement execute function registry.add_name_tokens();

insert into registry.name_token (token)
select distinct word from registry.person, unnest(name_tokens) as word where word <> ''
on conflict do nothing;
insert into registry.name_token_variant (variant, token)
select left(token, i - 1) || substr(token, i + 1), token
from registry.name_token, generate_series(1, length(token)) as i
where length(token) >= 3
on conflict do nothing;

-- Lists without a name, ordered by name: over every unit, and within the units a user's grants cover.
create index person_browse_idx on registry.person (full_name, id) where merged_into is null;
create index person_unit_browse_idx on registry.person (org_unit_id, full_name, id) where merged_into is null;
