-- Dispute cases (issue 8): what belongs to an order is found through the order ids the kinds' summaries carry.
-- One partial index per kind and field, on the same expression the queries use.
CREATE INDEX snapshots_chat_order ON snapshots (tenant_id, json_extract(summary, '$.order_id')) WHERE kind = 'chat';
CREATE INDEX snapshots_financial_order ON snapshots (tenant_id, json_extract(summary, '$.order_id'))
    WHERE kind = 'financial';
CREATE INDEX snapshots_tx_reference ON snapshots (tenant_id, json_extract(summary, '$.reference_id'))
    WHERE kind = 'inventory_tx';
