-- Corrections of a sale: cancelling the whole sale (its goods go back to stock, a work order it delivered goes back to
-- its previous status, the invoice keeps its number and is shown as cancelled) and returns of some units of some
-- lines (the goods go back to stock and the sale's net total is lower).
alter table workshop.sale
    add column cancelled_on   date,
    add column cancel_reason  varchar(500),
    add column cancelled_by   bigint,
    add column returned       bigint not null default 0,
    add constraint sale_cancel_check check ((cancelled_on is null) = (cancel_reason is null)),
    add constraint sale_returned_check check (returned >= 0 and returned <= total);

-- One return: the day the goods came back, and the day it is counted (the same day, unless that month of the site
-- is already paid out and frozen: then the day it was recorded, so the correction lands in an open period).
create table workshop.sale_return (
    id           bigserial    primary key,
    sale_id      bigint       not null references workshop.sale (id),
    returned_on  date         not null,
    counted_on   date         not null,
    reason       varchar(500) not null,
    amount       bigint       not null check (amount >= 0),
    recorded_by  bigint,
    recorded_at  timestamptz  not null default now()
);
create index sale_return_sale on workshop.sale_return (sale_id);
create index sale_return_counted on workshop.sale_return (counted_on);

create table workshop.sale_return_line (
    return_id     bigint  not null references workshop.sale_return (id),
    sale_line_id  bigint  not null references workshop.sale_line (id),
    quantity      integer not null check (quantity > 0),
    amount        bigint  not null check (amount >= 0),
    primary key (return_id, sale_line_id)
);
create index sale_return_line_line on workshop.sale_return_line (sale_line_id);
