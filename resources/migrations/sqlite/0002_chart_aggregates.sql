-- Per-day sums the charts read instead of the fact rows (2 years x 1,500 product-stores is 1.1 million
-- daily_inventory rows; summed per store and day they are 2,190). Kept in step with the facts by the store, which
-- recomputes the days a write touched; filled here from the facts already there.
CREATE TABLE inventory_store_days (
    tenant_id TEXT NOT NULL,
    store_code TEXT NOT NULL,
    day TEXT NOT NULL,
    opening INTEGER NOT NULL,
    closing INTEGER NOT NULL,
    inbound INTEGER NOT NULL,
    outbound INTEGER NOT NULL,
    adjustments INTEGER NOT NULL,
    total_value REAL NOT NULL,
    products INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, store_code, day)
) WITHOUT ROWID;

INSERT INTO inventory_store_days
SELECT tenant_id, store_code, day, SUM(opening), SUM(closing), SUM(inbound), SUM(outbound), SUM(adjustments),
       SUM(total_value), COUNT(*)
FROM daily_inventory GROUP BY tenant_id, store_code, day;

-- One product's days across the stores, and the top N products' days.
CREATE INDEX daily_inventory_product ON daily_inventory (tenant_id, product_id, day);

-- Chat outcomes per day, type, platform and hand-off: counts and the sums behind the averages.
CREATE TABLE chat_days (
    tenant_id TEXT NOT NULL,
    snapshot_type TEXT NOT NULL,
    business_day TEXT NOT NULL,
    platform TEXT NOT NULL,
    human_handoff INTEGER NOT NULL,
    conversations INTEGER NOT NULL,
    converted INTEGER NOT NULL,
    order_value_sum REAL NOT NULL,
    order_value_count INTEGER NOT NULL,
    duration_sum REAL NOT NULL,
    duration_count INTEGER NOT NULL,
    satisfaction_sum REAL NOT NULL,
    satisfaction_count INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, snapshot_type, business_day, platform, human_handoff)
) WITHOUT ROWID;

INSERT INTO chat_days
SELECT tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff, COUNT(*),
       SUM(CASE WHEN order_created THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN order_created THEN order_value END), 0),
       COUNT(CASE WHEN order_created THEN order_value END),
       COALESCE(SUM(duration_s), 0), COUNT(duration_s), COALESCE(SUM(satisfaction), 0), COUNT(satisfaction)
FROM chat_outcomes GROUP BY tenant_id, snapshot_type, business_day, COALESCE(platform, ''), human_handoff;

-- Statistics, so the planner reads one product through daily_inventory_product and one day through daily_inventory_day.
ANALYZE daily_inventory;
