-- Per-day sums the charts read instead of the fact rows; see the SQLite migration of the same number.
CREATE TABLE inventory_store_days (
    tenant_id text NOT NULL,
    store_code text NOT NULL,
    day date NOT NULL,
    opening bigint NOT NULL,
    closing bigint NOT NULL,
    inbound bigint NOT NULL,
    outbound bigint NOT NULL,
    adjustments bigint NOT NULL,
    total_value double precision NOT NULL,
    products integer NOT NULL,
    PRIMARY KEY (tenant_id, store_code, day)
);

INSERT INTO inventory_store_days
SELECT tenant_id, store_code, day, SUM(opening), SUM(closing), SUM(inbound), SUM(outbound), SUM(adjustments),
       SUM(total_value), COUNT(*)
FROM daily_inventory GROUP BY tenant_id, store_code, day;

CREATE INDEX daily_inventory_product ON daily_inventory (tenant_id, product_id, day);

CREATE TABLE chat_days (
    tenant_id text NOT NULL,
    snapshot_type text NOT NULL,
    business_day date NOT NULL,
    platform text NOT NULL,
    human_handoff boolean NOT NULL,
    conversations bigint NOT NULL,
    converted bigint NOT NULL,
    order_value_sum double precision NOT NULL,
    order_value_count bigint NOT NULL,
    duration_sum double precision NOT NULL,
    duration_count bigint NOT NULL,
    satisfaction_sum double precision NOT NULL,
    satisfaction_count bigint NOT NULL,
    PRIMARY KEY (tenant_id, snapshot_type, business_day, platform, human_handoff)
);

INSERT INTO chat_days
SELECT tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff, COUNT(*),
       SUM(CASE WHEN order_created THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN order_created THEN order_value END), 0),
       COUNT(CASE WHEN order_created THEN order_value END),
       COALESCE(SUM(duration_s), 0), COUNT(duration_s), COALESCE(SUM(satisfaction), 0), COUNT(satisfaction)
FROM chat_outcomes GROUP BY tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff;

ANALYZE daily_inventory;
