-- A rubric aspect gets a name (shown where no translated label exists for its code) and the anchor descriptions the
-- evaluator reads next to the scale, one per line (for example "1-3: ...", "9-10: ...").
alter table innovation.rubric_aspect
    add column name    varchar(200) not null default '',
    add column anchors text         not null default '';
