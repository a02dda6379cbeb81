-- Case search (issue 8): support finds an order by its customer's id or phone number (exact or a prefix, a range
-- over the same expression). Orders stored before this
-- version carry no customer_phone in their summary.
CREATE INDEX snapshots_order_customer ON snapshots (tenant_id, (summary ->> 'customer_id')) WHERE kind = 'order';
CREATE INDEX snapshots_order_phone ON snapshots (tenant_id, (summary ->> 'customer_phone')) WHERE kind = 'order';
