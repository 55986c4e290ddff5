-- Lists without a name are ordered by registration (newest first) instead of by name. The two name-ordered b-trees
-- each took a random leaf page per new person and made a bulk import of a million people about 40 % slower; an index
-- on unit and id serves both the scoped lists and everything that looks people up by unit.
drop index registry.person_browse_idx;
drop index registry.person_unit_browse_idx;
drop index registry.person_unit_idx;
create index person_unit_idx on registry.person (org_unit_id, id);
