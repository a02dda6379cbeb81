#include "timelinemodel.h"

#include <QDateTime>
#include <QJsonValue>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>
#include <limits>

#include "domain/kindregistry.h"
#include "items/jobtracker.h"
#include "items/timelinetext.h"
#include "items/zonedtime.h"
#include "store/snapshotstore.h"
#include "json/isotime.h"

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_jobs(new JobTracker(this))
{ }

TimelineModel::~TimelineModel() = default;

void TimelineModel::setStore(std::shared_ptr<SnapshotStore> store)
{
    m_store = std::move(store);
    m_integrity.clear();
    reset();
}

void TimelineModel::setQuery(const SnapshotQuery &query)
{
    m_query = query;
    m_kind = query.kind.isEmpty() ? nullptr : KindRegistry::find(query.kind);
    reset();
}

void TimelineModel::setTimeZone(const QTimeZone &zone)
{
    if (ZonedTime::set(m_zone, zone, *this, int(Column::TakenAt)))
        Q_EMIT emptyTextChanged();
}

QString TimelineModel::emptyText() const
{
    if (!m_emptyKnown || m_rowCount > 0)
        return {};
    return TimelineText::empty(m_query, m_zone, m_newestOutsideRange);
}

void TimelineModel::findNewestOutsideRange()
{
    if (!m_query.takenAt.from && !m_query.takenAt.to) {
        m_emptyKnown = true;
        Q_EMIT emptyTextChanged();
        return;
    }
    SnapshotQuery query = m_query;
    query.takenAt = {};
    PageRequest request;
    request.order = SortOrder::NewestFirst;
    request.limit = 1;
    m_jobs->start(
        m_store, [query, request](SnapshotStore &store) { return store.listHeaders(query, request); },
        [this](const Result<HeaderPage> &result) {
            if (!result) {
                Q_EMIT loadFailed(result.error().message);
                return;
            }
            m_newestOutsideRange.reset();
            if (!result->headers.isEmpty())
                m_newestOutsideRange = result->headers.constFirst().takenAt;
            m_emptyKnown = true;
            Q_EMIT emptyTextChanged();
        },
        JobTracker::Mode::Alongside);
}

void TimelineModel::setSortOrder(SortOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    reset();
}

void TimelineModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
    reset();
}

void TimelineModel::setPageCacheLimit(int pages)
{
    m_cacheLimit = std::max(2, pages);
    evictPages();
}

void TimelineModel::refresh()
{
    reset();
}

void TimelineModel::reset()
{
    beginResetModel();
    ++m_resets; // rows of the previous count still to be announced are not
    m_jobs->clear(); // what the reads of the previous query bring is dropped
    m_rowCount = 0;
    m_total.reset();
    m_more = false;
    m_next.reset();
    m_pages.clear();
    m_pageEnds.clear();
    m_pageEndsRequested = false;
    m_wanted.clear();
    m_inFlight.clear();
    const bool wasEmptyKnown = std::exchange(m_emptyKnown, false);
    m_newestOutsideRange.reset();
    endResetModel();
    Q_EMIT countChanged();
    if (wasEmptyKnown)
        Q_EMIT emptyTextChanged();
    // Setters called together (store, query, order) read the first page once, when control returns to the loop.
    if (!m_startQueued) {
        m_startQueued = true;
        QMetaObject::invokeMethod(this, &TimelineModel::start, Qt::QueuedConnection);
    }
}

void TimelineModel::start()
{
    m_startQueued = false;
    if (m_store && !m_query.tenant.isEmpty() && m_pages.empty()) {
        m_pages.emplace_back();
        requestPageNow(0);
    }
}

qint64 TimelineModel::loadedPageCount() const
{
    return std::count_if(m_pages.cbegin(), m_pages.cend(), [](const Page &p) { return p.loaded; });
}

const SnapshotHeader *TimelineModel::headerAt(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return nullptr;
    const Page &page = m_pages[size_t(row / m_pageSize)];
    const int offset = row % m_pageSize;
    if (!page.loaded || offset >= page.rows.size())
        return nullptr;
    return &page.rows.at(offset);
}

int TimelineModel::rowOf(const QString &id) const
{
    for (size_t p = 0; p < m_pages.size(); ++p) {
        const Page &page = m_pages[p];
        if (!page.loaded)
            continue;
        for (int i = 0; i < page.rows.size(); ++i) {
            if (page.rows.at(i).id == id)
                return int(p) * m_pageSize + i;
        }
    }
    return -1;
}

void TimelineModel::setIntegrity(const QString &id, Integrity integrity)
{
    m_integrity.insert(id, integrity);
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, int(Column::Integrity)), index(row, int(Column::Integrity)));
}

void TimelineModel::setPinned(const QString &id, bool pinned)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_pages[size_t(row / m_pageSize)].rows[row % m_pageSize].pinned = pinned;
    Q_EMIT dataChanged(index(row, int(Column::Pinned)), index(row, int(Column::Pinned)));
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(Column::Count_);
}

QString TimelineModel::summaryText(const SnapshotHeader &h) const
{
    const KindDefinition *kind = m_kind ? m_kind : KindRegistry::find(h.kind);
    QStringList parts;
    if (kind) {
        for (const QString &field : kind->summaryFields) {
            const QJsonValue value = h.summary.value(field);
            if (!value.isUndefined())
                parts << field + QStringLiteral(": ") + TimelineText::value(value);
        }
    } else {
        for (auto it = h.summary.constBegin(); it != h.summary.constEnd(); ++it)
            parts << it.key() + QStringLiteral(": ") + TimelineText::value(it.value());
    }
    return parts.join(QStringLiteral(" · "));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int pageIndex = index.row() / m_pageSize;
    const SnapshotHeader *header = headerAt(index.row());
    if (!header) {
        if (role == LoadedRole)
            return false;
        requestPage(pageIndex);
        if (role == Qt::DisplayRole && index.column() == 0)
            return tr("Loading…");
        return {};
    }
    m_pages[size_t(pageIndex)].lastUse = ++m_useClock;
    const SnapshotHeader &h = *header;
    const auto column = Column(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Column::TakenAt:
            return IsoTime::toZoneText(h.takenAt, m_zone, true);
        case Column::Kind: {
            const KindDefinition *kind = KindRegistry::find(h.kind);
            return kind ? kind->displayNameText() : h.kind;
        }
        case Column::Entity:
            return h.entityId;
        case Column::Version:
            return h.version;
        case Column::Type:
            return h.type;
        case Column::CreatedBy:
            return h.createdBy;
        case Column::Summary:
            return summaryText(h);
        case Column::Size: {
            const QLocale locale;
            return tr("%1 → %2 (%3%)")
                .arg(locale.formattedDataSize(h.rawSize), locale.formattedDataSize(h.storedSize))
                .arg(h.rawSize > 0 ? qRound(100.0 * double(h.storedSize) / double(h.rawSize)) : 100);
        }
        case Column::Integrity:
            switch (m_integrity.value(h.id, Integrity::Unknown)) {
            case Integrity::Unknown:
                return tr("unknown");
            case Integrity::Verified:
                return tr("verified");
            case Integrity::Corrupt:
                return tr("corrupt");
            }
            return {};
        case Column::Pinned:
            return h.pinned ? tr("pinned") : QString();
        case Column::Count_:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Column::TakenAt:
            return tr("%1 (%2)\n%3 UTC")
                .arg(QDateTime::fromMSecsSinceEpoch(h.takenAt, m_zone).toString(Qt::ISODateWithMs),
                    QString::fromUtf8(m_zone.id()), IsoTime::toUtcString(h.takenAt));
        case Column::Summary:
            return summaryText(h);
        case Column::Pinned:
            return h.pinned ? tr("Pinned: never removed by cleanup") : QVariant();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (column == Column::Version)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return h.id;
    case TakenAtRole:
        return h.takenAt;
    case TypeRole:
        return h.type;
    case LoadedRole:
        return true;
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Column::TakenAt:
        return tr("Taken at (%1)").arg(QString::fromUtf8(m_zone.id()));
    case Column::Kind:
        return tr("Kind");
    case Column::Entity:
        return m_kind ? m_kind->entityLabelText() : tr("Entity");
    case Column::Version:
        return tr("Version");
    case Column::Type:
        return tr("Type");
    case Column::CreatedBy:
        return tr("Created by");
    case Column::Summary:
        return tr("Summary");
    case Column::Size:
        return tr("Size (raw → stored)");
    case Column::Integrity:
        return tr("Integrity");
    case Column::Pinned:
        return tr("Pinned");
    case Column::Count_:
        break;
    }
    return {};
}

bool TimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_total && m_more;
}

void TimelineModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent) || m_pages.empty())
        return;
    if (!m_pages.back().loaded)
        return; // pages are appended one after another: the next starts where the one being read ends
    const int next = pageCount();
    m_pages.emplace_back();
    requestPageNow(next);
}

void TimelineModel::sort(int column, Qt::SortOrder order)
{
    // Only time orders the timeline: it is what the keyset and the indexes follow.
    if (column != int(Column::TakenAt))
        return;
    setSortOrder(order == Qt::DescendingOrder ? SortOrder::NewestFirst : SortOrder::OldestFirst);
}

std::optional<TimelineModel::Request> TimelineModel::requestFor(int page) const
{
    Request r;
    r.request.order = m_order;
    r.request.limit = m_pageSize;
    if (page == 0)
        return r;
    const Page &before = m_pages[size_t(page - 1)];
    if (before.loaded && before.rows.size() == m_pageSize) {
        const SnapshotHeader &last = before.rows.constLast();
        r.request.after = PageCursor { last.takenAt, last.id };
        return r;
    }
    if (!m_total && page == pageCount() - 1 && m_next) {
        r.request.after = m_next;
        return r;
    }
    if (page - 1 < m_pageEnds.size()) {
        r.request.after = m_pageEnds.at(page - 1);
        return r;
    }
    if (!m_total)
        return std::nullopt;
    // From the other end: the last page, or the page before a loaded one, read backwards.
    r.reversed = true;
    r.request.order = m_order == SortOrder::NewestFirst ? SortOrder::OldestFirst : SortOrder::NewestFirst;
    r.request.limit = int(std::min<qint64>(m_pageSize, *m_total - qint64(page) * m_pageSize));
    if (page == pageCount() - 1)
        return r;
    const Page &after = m_pages[size_t(page + 1)];
    if (after.loaded && !after.rows.isEmpty()) {
        const SnapshotHeader &first = after.rows.constFirst();
        r.request.after = PageCursor { first.takenAt, first.id };
        return r;
    }
    return std::nullopt;
}

void TimelineModel::requestPage(int page) const
{
    // Called from data(): starting a read changes no rows, so it is safe while the view paints.
    const_cast<TimelineModel *>(this)->requestPageNow(page);
}

void TimelineModel::requestPageNow(int page)
{
    if (!m_store || page < 0 || page >= pageCount() || m_pages[size_t(page)].loaded || m_inFlight.contains(page))
        return;
    const std::optional<Request> request = requestFor(page);
    if (!request) {
        if (!m_wanted.contains(page))
            m_wanted.append(page);
        return;
    }
    m_wanted.removeOne(page);
    m_inFlight.append(page);
    const SnapshotQuery query = m_query;
    m_jobs->start(
        m_store, [query, r = *request](SnapshotStore &store) { return store.listHeaders(query, r.request); },
        [this, page, reversed = request->reversed](const Result<HeaderPage> &result) {
            m_inFlight.removeOne(page);
            if (!result) {
                Q_EMIT loadFailed(result.error().message);
                return;
            }
            applyPage(page, reversed, *result);
        },
        JobTracker::Mode::Alongside);
}

void TimelineModel::applyPage(int page, bool reversed, const HeaderPage &result)
{
    // No reference into m_pages is held across a signal: a slot (a view, the model tester) may call fetchMore(),
    // which appends a page.
    const int rows = int(result.headers.size());
    {
        Page &target = m_pages[size_t(page)];
        target.rows = result.headers;
        if (reversed)
            std::reverse(target.rows.begin(), target.rows.end());
        target.loaded = true;
        target.lastUse = ++m_useClock;
    }
    const int first = page * m_pageSize;
    if (!m_total) {
        // Growing: the page's rows are new rows at the end.
        m_more = result.next.has_value();
        m_next = result.next;
        if (rows > 0) {
            beginInsertRows({}, first, first + rows - 1);
            m_rowCount = first + rows;
            endInsertRows();
        }
        if (!m_more) {
            m_total = m_rowCount; // everything is read: the count is exact without asking
            Q_EMIT countChanged();
        }
    } else if (rows > 0 && first < m_rowCount) { // a page past the rows announced so far is shown when they are
        const int last = std::min(m_rowCount, first + rows) - 1;
        Q_EMIT dataChanged(index(first, 0), index(last, columnCount() - 1));
    }
    Q_EMIT pageLoaded(first, rows);
    if (page == 0) {
        Q_EMIT firstPageShown();
        if (m_rowCount == 0 && !m_more)
            findNewestOutsideRange(); // an empty timeline says why
        if (m_more) {
            // The count runs after the first page, so it never delays the first rows.
            const SnapshotQuery query = m_query;
            m_jobs->start(
                m_store, [query](SnapshotStore &store) { return store.countHeaders(query); },
                [this](const Result<qint64> &count) {
                    if (!count) {
                        Q_EMIT loadFailed(count.error().message);
                        return;
                    }
                    applyCount(*count);
                },
                JobTracker::Mode::Alongside);
        }
    }
    evictPages();
    // Neighbours waiting for this page's position can be read now.
    const QList<int> wanted = m_wanted;
    for (int w : wanted) {
        if (w == page + 1 || w == page - 1)
            requestPageNow(w);
    }
}

void TimelineModel::applyCount(qint64 total)
{
    if (m_total)
        return;
    const qint64 shown = std::min<qint64>(total, std::numeric_limits<int>::max());
    m_total = shown;
    if (shown > m_rowCount)
        m_pages.resize(size_t((shown + m_pageSize - 1) / m_pageSize));
    growToTotal(m_resets);
    const int readable = int(loadedPageCount()) + int(m_inFlight.size());
    if (!m_pageEndsRequested && pageCount() > readable + 1) {
        // Positions of the pages in between, so a jump into the middle reads one page.
        m_pageEndsRequested = true;
        const SnapshotQuery query = m_query;
        const SortOrder order = m_order;
        const int pageSize = m_pageSize;
        m_jobs->start(
            m_store, [query, order, pageSize](SnapshotStore &store) { return store.pageEnds(query, order, pageSize); },
            [this](const Result<QList<PageCursor>> &ends) {
                if (!ends) {
                    Q_EMIT loadFailed(ends.error().message);
                    return;
                }
                applyPageEnds(*ends);
            },
            JobTracker::Mode::Alongside);
    }
    // Pages already asked for at the end can be read backwards now.
    const QList<int> wanted = m_wanted;
    for (int w : wanted)
        requestPageNow(w);
}

void TimelineModel::growToTotal(quint64 reset)
{
    if (reset != m_resets || !m_total)
        return; // another query since: its own count grows it
    if (m_rowCount < *m_total) {
        const int until = int(std::min<qint64>(*m_total, qint64(m_rowCount) + m_growthSlice));
        beginInsertRows({}, m_rowCount, until - 1);
        m_rowCount = until;
        endInsertRows(); // a view's slot may reset the model from here
        if (reset == m_resets && m_total && m_rowCount < *m_total) {
            QMetaObject::invokeMethod(
                this, [this, reset] { growToTotal(reset); }, Qt::QueuedConnection);
            return;
        }
    }
    if (reset == m_resets)
        Q_EMIT countChanged();
}

void TimelineModel::applyPageEnds(const QList<PageCursor> &ends)
{
    m_pageEnds = ends;
    const QList<int> wanted = m_wanted;
    for (int w : wanted)
        requestPageNow(w);
}

void TimelineModel::evictPages()
{
    qint64 loaded = loadedPageCount();
    while (loaded > m_cacheLimit) {
        auto oldest = m_pages.end();
        // While growing, the last page stays: fetchMore() appends after it.
        const auto end = m_total ? m_pages.end() : std::prev(m_pages.end());
        for (auto it = m_pages.begin(); it != end; ++it) {
            if (it->loaded && (oldest == m_pages.end() || it->lastUse < oldest->lastUse))
                oldest = it;
        }
        if (oldest == m_pages.end())
            return;
        oldest->rows = {};
        oldest->loaded = false;
        --loaded;
    }
}
