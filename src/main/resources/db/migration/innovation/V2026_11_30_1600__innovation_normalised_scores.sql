-- Normalised scores (per-evaluator z-score within the period, 50 + 10z, see docs/innovation.md): each assignment keeps
-- its normalised value beside the raw total; each proposal keeps the spread of its evaluators' normalised scores and
-- whether that spread is a disagreement the panel should look at.
alter table innovation.evaluator_assignment add column normalised numeric(6,2);
alter table innovation.proposal add column normalised_spread numeric(6,2);
alter table innovation.proposal add column score_disagreement boolean not null default false;
