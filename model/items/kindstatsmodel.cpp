#include "kindstatsmodel.h"

#include <QLocale>

#include "domain/kindregistry.h"

KindStatsModel::KindStatsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void KindStatsModel::setStats(const QList<KindStats> &stats)
{
    const auto kindsOf = [](const QList<KindStats> &list) {
        QStringList kinds;
        for (const KindStats &s : list)
            kinds << s.kind;
        return kinds;
    };
    if (!m_stats.isEmpty() && kindsOf(stats) == kindsOf(m_stats)) {
        // The same kinds with new numbers (the sizes arriving after the counts): views keep their selection.
        m_stats = stats;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        return;
    }
    beginResetModel();
    m_stats = stats;
    endResetModel();
}

qint64 KindStatsModel::totalSnapshots() const
{
    qint64 total = 0;
    for (const KindStats &s : m_stats)
        total += s.count;
    return total;
}

int KindStatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_stats.size());
}

int KindStatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QVariant KindStatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KindStats &s = m_stats.at(index.row());
    const auto column = Column(index.column());
    if (role == KindIdRole)
        return s.kind;
    if (role == Qt::TextAlignmentRole)
        return column == Column::Kind ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    if (role == SortRole) {
        switch (column) {
        case Column::Kind:
            return s.kind;
        case Column::Count:
            return s.count;
        case Column::RawBytes:
            return s.rawBytes;
        case Column::StoredBytes:
            return s.storedBytes;
        case Column::Ratio:
            return s.ratio();
        case Column::Count_:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == Column::Kind)
        return s.kind;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case Column::Kind: {
        const KindDefinition *info = KindRegistry::find(s.kind);
        return info ? info->displayNameText() : s.kind;
    }
    case Column::Count:
        return locale.toString(s.count);
    case Column::RawBytes:
        return s.sizesKnown ? locale.formattedDataSize(s.rawBytes) : QStringLiteral("…");
    case Column::StoredBytes:
        return s.sizesKnown ? locale.formattedDataSize(s.storedBytes) : QStringLiteral("…");
    case Column::Ratio:
        return s.sizesKnown ? QStringLiteral("%1%").arg(s.ratio() * 100.0, 0, 'f', 1) : QStringLiteral("…");
    case Column::Count_:
        break;
    }
    return {};
}

QVariant KindStatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Column::Kind:
        return tr("Kind");
    case Column::Count:
        return tr("Snapshots");
    case Column::RawBytes:
        return tr("Raw");
    case Column::StoredBytes:
        return tr("Stored");
    case Column::Ratio:
        return tr("Stored / raw");
    case Column::Count_:
        break;
    }
    return {};
}
