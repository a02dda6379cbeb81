#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

// A running system's PostgreSQL as its documents create it, for the live-source tests and benchmark: the SAAN guide's
// four snapshot tables (its inline INDEX lines written as CREATE INDEX statements; its REFERENCES left out, the tables
// they name being the platform's own), and the event-sourcing story's event_snapshots and snapshot_schedules.
namespace SourceDatabase {

inline QStringList ddl()
{
    return {
        QStringLiteral("SET client_min_messages = warning"),
        QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE"),
        QStringLiteral("CREATE SCHEMA public"),
        QStringLiteral(R"(CREATE TABLE order_snapshots (
    id UUID PRIMARY KEY,
    order_id UUID,
    snapshot_type VARCHAR(50),
    snapshot_data JSONB,
    previous_snapshot_id UUID REFERENCES order_snapshots(id),
    created_by_user_id UUID,
    created_at TIMESTAMP DEFAULT NOW(),
    order_status VARCHAR(50),
    total_amount DECIMAL(12,2),
    item_count INT,
    customer_id UUID))"),
        QStringLiteral("CREATE INDEX idx_order_snapshots ON order_snapshots (order_id, created_at)"),
        QStringLiteral("CREATE INDEX idx_snapshot_type ON order_snapshots (snapshot_type, created_at)"),
        QStringLiteral(R"(CREATE TABLE chat_conversation_snapshots (
    id UUID PRIMARY KEY,
    session_id UUID,
    customer_id UUID,
    snapshot_type VARCHAR(50),
    platform VARCHAR(20),
    total_messages INT,
    conversation_duration INT,
    intent_progression JSONB,
    ai_confidence_scores JSONB,
    human_handoff BOOLEAN DEFAULT false,
    business_outcome JSONB,
    conversion_metrics JSONB,
    customer_satisfaction INT,
    key_messages JSONB,
    created_at TIMESTAMP DEFAULT NOW()))"),
        QStringLiteral(
            "CREATE INDEX idx_chat_snapshots_session ON chat_conversation_snapshots (session_id, created_at)"),
        QStringLiteral(
            "CREATE INDEX idx_chat_snapshots_customer ON chat_conversation_snapshots (customer_id, created_at)"),
        QStringLiteral("CREATE INDEX idx_chat_snapshots_type ON chat_conversation_snapshots (snapshot_type)"),
        QStringLiteral(R"(CREATE TABLE inventory_transactions (
    id UUID PRIMARY KEY,
    product_id UUID,
    transaction_type VARCHAR(50),
    quantity INT,
    reason VARCHAR(200),
    reference_id UUID,
    product_state JSONB,
    transaction_context JSONB,
    created_at TIMESTAMP DEFAULT NOW()))"),
        QStringLiteral("CREATE INDEX idx_inventory_product_time ON inventory_transactions (product_id, created_at)"),
        QStringLiteral("CREATE INDEX idx_inventory_type ON inventory_transactions (transaction_type)"),
        QStringLiteral(R"(CREATE TABLE daily_inventory_snapshots (
    id UUID PRIMARY KEY,
    snapshot_date DATE NOT NULL,
    product_id UUID,
    opening_stock INT,
    closing_stock INT,
    total_inbound INT DEFAULT 0,
    total_outbound INT DEFAULT 0,
    adjustments INT DEFAULT 0,
    average_cost DECIMAL(10,2),
    total_value DECIMAL(12,2),
    snapshot_created_at TIMESTAMP DEFAULT NOW(),
    UNIQUE (snapshot_date, product_id)))"),
        QStringLiteral("CREATE INDEX idx_daily_snapshots_date ON daily_inventory_snapshots (snapshot_date)"),
        QStringLiteral(R"(CREATE TABLE event_snapshots (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  aggregate_id VARCHAR(255) NOT NULL,
  version INTEGER NOT NULL,
  timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
  data JSONB NOT NULL,
  metadata JSONB NOT NULL DEFAULT '{}',
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  UNIQUE(aggregate_id, version)))"),
        QStringLiteral("CREATE INDEX idx_snapshots_aggregate_version ON event_snapshots (aggregate_id, version DESC)"),
        QStringLiteral("CREATE INDEX idx_snapshots_timestamp ON event_snapshots (timestamp DESC)"),
        QStringLiteral(
            "CREATE INDEX idx_snapshots_aggregate_timestamp ON event_snapshots (aggregate_id, timestamp DESC)"),
        QStringLiteral(R"(CREATE TABLE snapshot_schedules (
  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
  aggregate_id VARCHAR(255) NOT NULL UNIQUE,
  schedule VARCHAR(100) NOT NULL,
  enabled BOOLEAN NOT NULL DEFAULT true,
  next_run TIMESTAMP WITH TIME ZONE NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
  updated_at TIMESTAMP WITH TIME ZONE DEFAULT NOW()))"),
    };
}

// A chat_conversation_snapshots row's values as the guide describes them, for row n of a session (INSERT ... SELECT
// over generate_series: the rows are made by the server, fast for a million).
// $1: the first n, $2: the last n, $3: the time of row 0 (TIMESTAMP text), $4: seconds between rows.
inline QString chatRowsSql()
{
    return QStringLiteral(R"(INSERT INTO chat_conversation_snapshots (id, session_id, customer_id, snapshot_type,
    platform, total_messages, conversation_duration, intent_progression, ai_confidence_scores, human_handoff,
    business_outcome, conversion_metrics, customer_satisfaction, key_messages, created_at)
SELECT md5('chat-row-' || n)::uuid, md5('session-' || (n / 3))::uuid, md5('customer-' || (n / 7))::uuid,
    (ARRAY['order_created', 'escalated', 'session_ended'])[1 + n % 3],
    (ARRAY['line', 'facebook', 'whatsapp'])[1 + n % 3], 4 + n % 30, 60 + n % 1800,
    jsonb_build_array('greeting', 'product_inquiry', CASE WHEN n % 2 = 0 THEN 'order' ELSE 'question' END),
    jsonb_build_array(0.9, 0.8 + (n % 10) / 100.0, 0.75),
    n % 11 = 0,
    jsonb_build_object('order_created', n % 2 = 0, 'order_value', CASE WHEN n % 2 = 0 THEN 250 + n % 5000 ELSE NULL END,
        'order_id', CASE WHEN n % 2 = 0 THEN 'ORD-' || n ELSE NULL END),
    jsonb_build_object('time_to_order_s', 300 + n % 900),
    1 + n % 5,
    jsonb_build_array(jsonb_build_object('timestamp', '2025-07-03T14:01:0' || (n % 10) || 'Z', 'sender', 'customer',
        'content', 'สวัสดีครับ อยากสั่ง ' || n, 'intent', 'greeting')),
    CAST(%3 AS timestamp) + make_interval(secs => n * %4)
FROM generate_series(%1, %2) AS n)");
}

// Runs statements on an open connection; the first failure's text, or empty.
inline QString run(QSqlDatabase db, const QStringList &statements)
{
    QSqlQuery query(db);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return statement.left(60) + QStringLiteral(": ") + query.lastError().text();
    }
    return {};
}

} // namespace SourceDatabase
