#include "livesourcemodel.h"

#include <QDateTime>
#include <QLocale>

#include "domain/kindregistry.h"
#include "items/zonedtime.h"

LiveSourceModel::LiveSourceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void LiveSourceModel::setSources(const QList<LiveSource> &sources)
{
    beginResetModel();
    m_sources = sources;
    m_rows.clear();
    for (int s = 0; s < m_sources.size(); ++s) {
        for (int t = 0; t < m_sources.at(s).tables.size(); ++t)
            m_rows.append({ s, t });
    }
    endResetModel();
}

void LiveSourceModel::setTimeZone(const QTimeZone &zone)
{
    ZonedTime::set(m_zone, zone, *this, int(Column::LastSync));
}

const LiveSource *LiveSourceModel::sourceAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_sources.at(m_rows.at(row).first) : nullptr;
}

const LiveSourceTable *LiveSourceModel::tableAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_sources.at(m_rows.at(row).first).tables.at(m_rows.at(row).second)
                                           : nullptr;
}

int LiveSourceModel::firstRowOf(const QString &source) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_sources.at(m_rows.at(row).first).name == source)
            return row;
    }
    return -1;
}

int LiveSourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveSourceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QString LiveSourceModel::lagText(EpochMs lag)
{
    const qint64 s = lag / 1000;
    if (s < 120)
        return tr("%n s", nullptr, int(s));
    if (s < 2 * 3600)
        return tr("%n min", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return tr("%n h", nullptr, int(s / 3600));
    return tr("%n d", nullptr, int(s / 86400));
}

QVariant LiveSourceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LiveSource &source = *sourceAt(index.row());
    const LiveSourceTable &t = *tableAt(index.row());
    const auto column = Column(index.column());
    const QLocale locale;
    if (role == Qt::TextAlignmentRole
        && (column == Column::RowsSynced || column == Column::Gone || column == Column::Lag))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (column == Column::Error || column == Column::Outcome)
            return t.lastError.isEmpty() ? QVariant() : t.lastError;
        if (column == Column::Source)
            return tr("%1 (%2), tenant %3").arg(source.conninfo, source.preset, source.tenant);
        if (column == Column::Lag)
            return tr("The newest row at the source less the newest synced, as of the last sync or test");
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case Column::Source:
        return source.name;
    case Column::Table:
        return t.table;
    case Column::Kind: {
        const KindDefinition *kind = KindRegistry::find(t.kind);
        return kind ? kind->displayNameText() : t.kind;
    }
    case Column::RowsSynced:
        return locale.toString(t.rowsSynced);
    case Column::LastSync: {
        if (!t.lastSyncAt)
            return tr("never");
        return QDateTime::fromMSecsSinceEpoch(*t.lastSyncAt, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    case Column::Outcome:
        if (t.lastOutcome == u"succeeded")
            return tr("succeeded");
        if (t.lastOutcome == u"failed")
            return tr("failed");
        if (t.lastOutcome == u"cancelled")
            return tr("cancelled");
        return QString();
    case Column::Lag:
        return t.lag() ? lagText(*t.lag()) : QString();
    case Column::Gone:
        return locale.toString(t.goneAtSource);
    case Column::Error:
        return t.lastError;
    case Column::Count_:
        break;
    }
    return {};
}

QVariant LiveSourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Source:
        return tr("Source");
    case Column::Table:
        return tr("Table");
    case Column::Kind:
        return tr("Kind");
    case Column::RowsSynced:
        return tr("Rows synced");
    case Column::LastSync:
        return ZonedTime::header(tr("Last sync (%1)"), m_zone);
    case Column::Outcome:
        return tr("Outcome");
    case Column::Lag:
        return tr("Lag");
    case Column::Gone:
        return tr("Gone at source");
    case Column::Error:
        return tr("Error");
    case Column::Count_:
        break;
    }
    return {};
}
