-- Conflicts of interest a panelist declares with a proposal, with a reason: the panelist then neither scores its
-- presentation (S6) nor takes part in its field visit (S7). Evaluators declare theirs in conflict_declaration.
create table innovation.panel_conflict (
    proposal_id bigint       not null references innovation.proposal (id) on delete cascade,
    panelist_id bigint       not null,
    reason      varchar(500) not null,
    declared_at timestamptz  not null default now(),
    primary key (proposal_id, panelist_id)
);
