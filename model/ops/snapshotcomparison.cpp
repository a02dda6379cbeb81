#include "snapshotcomparison.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimeZone>

#include "domain/kindregistry.h"
#include "domain/pii.h"
#include "store/snapshotstore.h"
#include "json/canonicaljson.h"
#include "json/jsondiff.h"
#include "json/jsonpointer.h"
#include "json/strictjson.h"

namespace SnapshotComparisons {

Result<SnapshotComparison> compare(SnapshotStore &store, const QString &leftId, const QString &rightId, bool mask)
{
    auto left = store.load(leftId);
    if (!left)
        return left.error();
    auto right = store.load(rightId);
    if (!right)
        return right.error();
    if (left->header.kind != right->header.kind)
        return Error { Error::Code::Invalid,
            QStringLiteral("%1 is a %2 snapshot and %3 a %4 one: only snapshots of one kind can be compared")
                .arg(leftId, left->header.kind, rightId, right->header.kind) };
    SnapshotComparison c;
    c.older = left->header;
    c.newer = right->header;
    const auto leftValue = StrictJson::readStored(left->payload);
    const auto rightValue = leftValue ? StrictJson::readStored(right->payload) : leftValue;
    if (!rightValue)
        return Error { Error::Code::Invalid,
            QStringLiteral("a payload is not JSON: %1").arg(rightValue.error().message) };
    c.left = leftValue->toObject();
    c.right = rightValue->toObject();
    if (mask) {
        c.left = Pii::masked(c.left, c.older.kind).toObject();
        c.right = Pii::masked(c.right, c.newer.kind).toObject();
    }
    JsonDiff::Options options;
    if (const KindDefinition *kind = KindRegistry::find(c.older.kind))
        options.identities = kind->identitiesFor(c.left.toObject());
    QElapsedTimer timer;
    timer.start();
    c.patch = JsonDiff::diff(c.left, c.right, options);
    c.diffMs = double(timer.nsecsElapsed()) / 1e6;
    c.summary = JsonPatch::summarize(c.patch);
    c.changes = changesOf(c.left, c.patch);
    return c;
}

QList<JsonChange> changesOf(const QJsonValue &source, const QJsonArray &patch)
{
    QList<JsonChange> changes;
    QJsonValue current = source;
    for (const QJsonValue &operation : patch) {
        const QJsonObject o = operation.toObject();
        JsonChange change;
        change.op = o.value(u"op").toString();
        if (change.op == u"test")
            continue;
        change.path = o.value(u"path").toString();
        change.from = o.value(u"from").toString();
        if (o.contains(u"value"))
            change.newValue = o.value(u"value");
        if (change.op == u"replace" || change.op == u"remove") {
            if (const auto pointer = JsonPointer::parse(change.path))
                change.oldValue = pointer->evaluate(current);
        } else if (change.op == u"move" || change.op == u"copy") {
            if (const auto pointer = JsonPointer::parse(change.from))
                change.newValue = pointer->evaluate(current);
        }
        changes.append(change);
        if (auto next = JsonPatch::apply(current, QJsonArray { operation }))
            current = *next;
    }
    return changes;
}

QString summaryText(const JsonPatch::Summary &s)
{
    if (s.total() - s.tests == 0)
        return QStringLiteral("no changes");
    QString text = QStringLiteral("%1 changed, %2 added, %3 removed").arg(s.changed).arg(s.added).arg(s.removed);
    if (s.moved > 0)
        text += QStringLiteral(", %1 moved").arg(s.moved);
    return text;
}

QString valueText(const QJsonValue &value, int maxLength)
{
    QString text = QString::fromUtf8(CanonicalJson::compact(value));
    if (text.size() > maxLength)
        text = text.left(maxLength - 1) + QChar(0x2026);
    return text;
}

QString report(const SnapshotComparison &c)
{
    const auto describe = [](const SnapshotHeader &h) {
        return QStringLiteral("%1 %2 v%3 (%4, %5, %6)")
            .arg(h.kind, h.entityId)
            .arg(h.version)
            .arg(h.type, QDateTime::fromMSecsSinceEpoch(h.takenAt, QTimeZone::utc()).toString(Qt::ISODate), h.id);
    };
    QString text;
    text += QStringLiteral("from: %1\n").arg(describe(c.older));
    text += QStringLiteral("to:   %1\n").arg(describe(c.newer));
    text += QStringLiteral("%1\n").arg(summaryText(c.summary));
    for (const JsonChange &change : c.changes) {
        if (change.op == u"replace")
            text += QStringLiteral("~ %1: %2 -> %3\n")
                        .arg(change.path, valueText(change.oldValue.value_or(QJsonValue())),
                            valueText(*change.newValue));
        else if (change.op == u"add")
            text += QStringLiteral("+ %1: %2\n").arg(change.path, valueText(*change.newValue));
        else if (change.op == u"remove")
            text += QStringLiteral("- %1: %2\n").arg(change.path, valueText(change.oldValue.value_or(QJsonValue())));
        else
            text += QStringLiteral("%1 %2 -> %3\n").arg(change.op, change.from, change.path);
    }
    return text;
}

} // namespace SnapshotComparisons
