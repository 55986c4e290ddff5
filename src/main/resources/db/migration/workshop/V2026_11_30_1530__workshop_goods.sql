-- Goods of the workshop: materials with stock movements, work orders, transfers of finished goods from a site to the
-- gallery shop of its centre, and sales with their invoice numbers. A stock location is a unit: a site, or the centre
-- whose gallery shop it is. Finished goods come in through production records (accepted units = quantity - rejects)
-- and go out through sales and transfers; stock is computed, never stored. Money is whole rupiah in bigint columns.

create table workshop.material (
    id          bigserial    primary key,
    site_id     bigint       not null,
    code        varchar(30)  not null,
    name        varchar(200) not null,
    unit        varchar(30)  not null,
    unit_cost   bigint       not null check (unit_cost >= 0),
    active      boolean      not null default true,
    version     integer      not null default 0,
    created_at  timestamptz  not null default now()
);
create unique index material_site_code on workshop.material (site_id, lower(code));

-- IN: a purchase with its cost; OUT: used in production (optionally for a work order), valued at the unit cost of the
-- day; ADJUST: a count correction (positive or negative) with its reason. value is the movement's worth in rupiah.
create table workshop.material_movement (
    id             bigserial    primary key,
    material_id    bigint       not null references workshop.material (id),
    site_id        bigint       not null,
    kind           varchar(6)   not null check (kind in ('IN', 'OUT', 'ADJUST')),
    moved_on       date         not null,
    quantity       integer      not null check (quantity <> 0),
    value          bigint       not null,
    work_order_id  bigint,
    reason         varchar(500),
    recorded_by    bigint,
    recorded_at    timestamptz  not null default now(),
    check (kind = 'ADJUST' or quantity > 0),
    check (kind <> 'ADJUST' or reason is not null)
);
create index material_movement_material on workshop.material_movement (material_id, moved_on);
create index material_movement_site_day on workshop.material_movement (site_id, moved_on);

create table workshop.work_order (
    id             bigserial    primary key,
    site_id        bigint       not null,
    buyer          varchar(200) not null,
    product_id     bigint       not null references workshop.product (id),
    quantity       integer      not null check (quantity > 0),
    due_on         date         not null,
    unit_price     bigint       not null check (unit_price >= 0),
    status         varchar(14)  not null
        check (status in ('OPEN', 'IN_PRODUCTION', 'READY', 'DELIVERED', 'CANCELLED')),
    cancel_reason  varchar(500),
    created_by     bigint,
    created_at     timestamptz  not null default now(),
    version        integer      not null default 0,
    check (status <> 'CANCELLED' or cancel_reason is not null)
);
create index work_order_site on workshop.work_order (site_id, status);

create table workshop.work_order_step (
    id             bigserial    primary key,
    work_order_id  bigint       not null references workshop.work_order (id),
    from_status    varchar(14),
    to_status      varchar(14)  not null,
    reason         varchar(500),
    moved_by       bigint,
    moved_at       timestamptz  not null default now()
);
create index work_order_step_order on workshop.work_order_step (work_order_id);

create table workshop.goods_transfer (
    id             bigserial    primary key,
    site_id        bigint       not null,
    gallery_id     bigint       not null,
    moved_on       date         not null,
    note           varchar(500),
    recorded_by    bigint,
    recorded_name  varchar(200),
    recorded_at    timestamptz  not null default now()
);
create index goods_transfer_site on workshop.goods_transfer (site_id, moved_on);
create index goods_transfer_gallery on workshop.goods_transfer (gallery_id, moved_on);

create table workshop.goods_transfer_line (
    transfer_id  bigint  not null references workshop.goods_transfer (id),
    product_id   bigint  not null references workshop.product (id),
    quantity     integer not null check (quantity > 0),
    primary key (transfer_id, product_id)
);

-- location_id is the site the goods were sold from, or the centre whose gallery sold them.
create table workshop.sale (
    id              bigserial    primary key,
    location_id     bigint       not null,
    gallery         boolean      not null,
    sold_on         date         not null,
    buyer           varchar(200) not null,
    channel         varchar(12)  not null check (channel in ('GALLERY', 'LOCAL_BUYER', 'ORDER', 'ONLINE')),
    work_order_id   bigint       references workshop.work_order (id),
    invoice_number  varchar(40)  not null unique,
    total           bigint       not null check (total >= 0),
    note            varchar(500),
    recorded_by     bigint,
    recorded_at     timestamptz  not null default now(),
    version         integer      not null default 0
);
create index sale_location_day on workshop.sale (location_id, sold_on);

create table workshop.sale_line (
    id          bigserial  primary key,
    sale_id     bigint     not null references workshop.sale (id),
    product_id  bigint     not null references workshop.product (id),
    quantity    integer    not null check (quantity > 0),
    unit_price  bigint     not null check (unit_price >= 0),
    amount      bigint     not null check (amount >= 0)
);
create index sale_line_sale on workshop.sale_line (sale_id);

-- The last invoice number given per location and year.
create table workshop.invoice_counter (
    location_id  bigint  not null,
    year         integer not null,
    last_number  integer not null,
    primary key (location_id, year)
);
