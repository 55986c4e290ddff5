-- A referral may name the programme the person is referred into; accepting it then creates the enrolment (referred,
-- then taken in), which the referral keeps.
alter table casework.referral add column programme_id bigint references casework.programme (id);
alter table casework.referral add column enrolment_id bigint references casework.enrolment (id);
