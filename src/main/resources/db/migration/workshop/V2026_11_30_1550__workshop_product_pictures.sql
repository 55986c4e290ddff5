-- An optional picture per product (JPEG or PNG, re-encoded without metadata), shown on the products page and printed
-- next to the product's line on the easy-read payout statement.
create table workshop.product_picture (
    product_id    bigint      primary key references workshop.product (id),
    content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    data          bytea       not null,
    uploaded_by   bigint,
    uploaded_at   timestamptz not null default now()
);
