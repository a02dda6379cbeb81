#include "auditlogmodel.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

#include "items/jobtracker.h"
#include "items/zonedtime.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

namespace {
constexpr int PageRows = 200;

QByteArray csvField(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r'))
        bytes = '"' + bytes.replace('"', "\"\"") + '"';
    return bytes;
}

QString detailsText(const QJsonObject &details)
{
    return QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
}
} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_jobs(new JobTracker(this))
{ }

void AuditLogModel::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    refresh();
}

void AuditLogModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::At));
}

void AuditLogModel::setQuery(const AuditQuery &query)
{
    m_query = query;
    refresh();
}

void AuditLogModel::refresh()
{
    m_jobs->clear();
    beginResetModel();
    m_rows.clear();
    m_complete = !m_store;
    m_loading = false;
    endResetModel();
    if (m_store)
        load();
}

void AuditLogModel::load()
{
    if (m_loading || m_complete || !m_store)
        return;
    m_loading = true;
    AuditQuery query = m_query;
    query.limit = PageRows;
    if (!m_rows.isEmpty())
        query.beforeId = m_rows.last().id;
    m_jobs->start(
        m_store, [query](SnapshotStore &store) { return store.maintenance().auditLog(query); },
        [this](const Result<QList<AuditEntry>> &result) {
            if (!result) {
                m_loading = false;
                m_complete = true;
                Q_EMIT loadFailed(result.error().message);
                return;
            }
            // Still "loading" while the rows go in: a view that asks for more from inside the insertion would
            // otherwise start a second read of the same page.
            m_complete = result->size() < PageRows;
            if (!result->isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + result->size() - 1));
                m_rows += *result;
                endInsertRows();
            }
            m_loading = false;
            Q_EMIT loaded();
        });
}

Result<QByteArray> AuditLogModel::csv(SnapshotStore &store, AuditQuery query)
{
    QByteArray out = "at,tenant,actor,host,action,target,outcome,details\r\n";
    query.limit = 5000;
    query.beforeId.reset();
    while (true) {
        auto page = store.maintenance().auditLog(query);
        if (!page)
            return page.error();
        for (const AuditEntry &e : std::as_const(*page)) {
            const QStringList fields {
                QDateTime::fromMSecsSinceEpoch(e.at, QTimeZone::utc()).toString(Qt::ISODateWithMs), e.tenant, e.actor,
                e.host, e.action, e.target, e.outcome, detailsText(e.details)
            };
            QByteArrayList encoded;
            for (const QString &field : fields)
                encoded.append(csvField(field));
            out += encoded.join(',') + "\r\n";
        }
        if (page->size() < query.limit)
            return out;
        query.beforeId = page->last().id;
    }
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AuditEntry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
        case Column::At:
            return IsoTime::toZoneText(e.at, m_zone, true);
        case Column::Actor:
            return e.actor;
        case Column::Host:
            return e.host;
        case Column::Action:
            return e.action;
        case Column::Target:
            return e.target;
        case Column::Outcome:
            return e.outcome;
        case Column::Details:
            return detailsText(e.details);
        case Column::Count_:
            break;
        }
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::At:
        return ZonedTime::header(tr("When (%1)"), m_zone);
    case Column::Actor:
        return tr("Who");
    case Column::Host:
        return tr("Host");
    case Column::Action:
        return tr("Action");
    case Column::Target:
        return tr("Target");
    case Column::Outcome:
        return tr("Outcome");
    case Column::Details:
        return tr("Parameters");
    case Column::Count_:
        break;
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_complete && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (!parent.isValid())
        load();
}
